package be.biodiversity.portal.render.directory;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of a directory-service organisation that we show. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organisation(String key, String slug, String acronym, Map<String, String> names, String homepage) {

    private static final String FALLBACK_LANGUAGE = "en";

    /** The name in a language, else in English, else in any language, else the acronym or slug. */
    public String name(String lang) {
        Map<String, String> all = (this.names != null) ? this.names : Map.of();
        if (hasText(all.get(lang))) {
            return all.get(lang);
        }
        if (hasText(all.get(FALLBACK_LANGUAGE))) {
            return all.get(FALLBACK_LANGUAGE);
        }
        return all.values()
            .stream()
            .filter(Organisation::hasText)
            .findFirst()
            .orElse(hasText(this.acronym) ? this.acronym : this.slug);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

}
