package be.biodiversity.portal.content.page;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an editor sends to create a page. The server owns id, version and updatedAt. */
public record NewPage(
        @NotBlank String lang,
        @NotBlank @Size(max = 300) String permalink,
        @Size(max = 100) String translationKey,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 1000) String description,
        @Size(max = 500) String heroImage,
        @Size(max = 1000) String heroImageCredit,
        String body,
        Map<String, Object> frontMatter) {
}
