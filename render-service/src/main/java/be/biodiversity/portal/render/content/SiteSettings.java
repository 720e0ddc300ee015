package be.biodiversity.portal.render.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our view of content-service's {@code GET /api/content/v1/site}: who the site is and which languages it serves.
 * Every field may be missing but {@code defaultLanguage} and {@code languages}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteSettings(String key, String title, String tagline, String description, String url, String logo,
        String primaryColor, String email, Privacy privacy, String defaultLanguage, List<Language> languages) {

    public SiteSettings {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Privacy(String name, String contactEmail) {
    }

    /** @param name the language's name in itself, as the site gives it, or null */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Language(String code, String name) {
    }
}
