package be.biodiversity.portal.render.content;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a content-service page that we render. {@code description}, {@code heroImage},
 * {@code heroImageCredit} (markdown) and {@code translationKey} may be null. {@code html} (the body as
 * sanitized HTML) and {@code resolved} (the header fields and front matter after Liquid) are content-service's
 * resolved form; when they are absent the source fields are used and the body is rendered here. {@code excerpt}
 * (the text of the body's first paragraph) is resolved too, and may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page(String lang, String permalink, String translationKey, String title, String description,
        String heroImage, String heroImageCredit, String body, FrontMatter frontMatter, String html,
        Resolved resolved, String kind, String layout, List<String> categories, java.time.Instant date,
        String excerpt, List<TocEntry> toc) {

    /** A heading of the body, as content-service lists them for a table of contents (levels 2 to 4). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TocEntry(Integer level, String id, String text) {
    }

    public List<TocEntry> tocList() {
        return this.toc == null ? List.of() : this.toc;
    }

    public boolean isPost() {
        return "post".equals(this.kind);
    }

    public boolean isArchive() {
        return "archive".equals(this.layout);
    }

    public List<String> categoryList() {
        return this.categories == null ? List.of() : this.categories;
    }

    /**
     * The header fields and front matter after Liquid. {@code titleText} is the title as text when the source title
     * holds HTML (the theme's {@code <span class="is-green">}); older content-services leave it out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolved(String title, String description, String heroImage, String heroImageCredit,
            FrontMatter frontMatter, String titleText) {
    }

    /** The title as text: never the HTML of a title that holds some, which would otherwise show as tags. */
    public String shownTitle() {
        if (this.resolved != null && this.resolved.titleText() != null) {
            return this.resolved.titleText();
        }
        return (this.resolved != null && this.resolved.title() != null) ? this.resolved.title() : this.title;
    }

    public String shownDescription() {
        return (this.resolved != null) ? this.resolved.description() : this.description;
    }

    public String shownHeroImage() {
        return (this.resolved != null) ? this.resolved.heroImage() : this.heroImage;
    }

    public String shownHeroImageCredit() {
        return (this.resolved != null) ? this.resolved.heroImageCredit() : this.heroImageCredit;
    }

    /** The directory blocks the front matter asks for; empty if none. */
    public List<DirectoryBlock> directoryBlocks() {
        FrontMatter shown = shownFrontMatter();
        if (shown == null || shown.directoryBlocks() == null) {
            return List.of();
        }
        return shown.directoryBlocks()
            .stream()
            .filter((block) -> block != null && block.role() != null && !block.role().isBlank())
            .toList();
    }

    /**
     * @param composition the hosted-portal theme's blocks ({@code type: features}, {@code data: node.staff}, ...),
     *                    in order; when present, the body is shown only where a {@code pageMarkdown} block is
     * @param cta         the hero's call-to-action buttons
     * @param toc         {@code true}: the page shows a table of contents of its headings
     * @param sideNavigation the site data listing the pages of a side menu ({@code sideNavigation.guides})
     * @param author      a post's author (a name or a list of names)
     * @param preTitle    the line the theme shows above a title (a post's date as its editor wrote it)
     * @param noindex     {@code true}: search engines are asked not to index the page (robots meta; not in the sitemap)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrontMatter(List<DirectoryBlock> directoryBlocks, List<Map<String, Object>> composition,
            List<Cta> cta, Object toc, String sideNavigation, Object author, String preTitle, Object noindex) {

        /** {@code toc: true} (also written as the text "true"). */
        public boolean wantsToc() {
            return Boolean.TRUE.equals(this.toc) || "true".equalsIgnoreCase(String.valueOf(this.toc));
        }

        /** {@code author: Name} (a list of names is joined), or null. */
        public String authorName() {
            if (this.author instanceof List<?> names) {
                return names.isEmpty() ? null : String.join(", ", names.stream().map(String::valueOf).toList());
            }
            return this.author instanceof String name && !name.isBlank() ? name.strip() : null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cta(String text, String href, Boolean isPrimary) {
    }

    /** The front matter says {@code noindex: true} (also written as the text "true"). */
    public boolean noindex() {
        FrontMatter front = shownFrontMatter();
        return front != null && front.noindex() != null
                && (Boolean.TRUE.equals(front.noindex()) || "true".equalsIgnoreCase(String.valueOf(front.noindex()).strip()));
    }

    /** The front matter after Liquid when content-service gives it, else the source. */
    public FrontMatter shownFrontMatter() {
        return (this.resolved != null && this.resolved.frontMatter() != null) ? this.resolved.frontMatter()
                : this.frontMatter;
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
