package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an editor sends to create or replace a page or post. The server owns id, version and updatedAt.
 *
 * @param kind   {@code page} (default) or {@code post}; a post needs a {@code date}
 * @param status {@code published} (default) or {@code draft}
 */
public record NewPage(
        @NotBlank String lang,
        @NotBlank @Size(max = 300) String permalink,
        @Size(max = 100) String translationKey,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 1000) String description,
        @Size(max = 500) String heroImage,
        @Size(max = 1000) String heroImageCredit,
        String body,
        Map<String, Object> frontMatter,
        String kind,
        @Size(max = 100) String layout,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
        Instant date,
        String status) {

    /** A published page with only the fields of the first version of the API. */
    public static NewPage page(String lang, String permalink, String translationKey, String title,
            String description, String heroImage, String heroImageCredit, String body,
            Map<String, Object> frontMatter) {
        return new NewPage(lang, permalink, translationKey, title, description, heroImage, heroImageCredit, body,
                frontMatter, null, null, null, null, null);
    }
}
