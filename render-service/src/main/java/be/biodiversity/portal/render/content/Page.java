package be.biodiversity.portal.render.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a content-service page that we render. {@code description}, {@code heroImage},
 * {@code heroImageCredit} (markdown) and {@code translationKey} may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page(String lang, String permalink, String translationKey, String title, String description,
        String heroImage, String heroImageCredit, String body, FrontMatter frontMatter) {

    /** The directory blocks the front matter asks for; empty if none. */
    public List<DirectoryBlock> directoryBlocks() {
        if (this.frontMatter == null || this.frontMatter.directoryBlocks() == null) {
            return List.of();
        }
        return this.frontMatter.directoryBlocks()
            .stream()
            .filter((block) -> block != null && block.role() != null && !block.role().isBlank())
            .toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrontMatter(List<DirectoryBlock> directoryBlocks) {
    }

    /**
     * A section listing the organisations with a directory role.
     *
     * @param role MEMBER, PARTNER or PUBLISHER
     * @param title the section heading, in the page's language
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DirectoryBlock(String role, String title) {
    }

}
