package be.biodiversity.portal.render.content;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page or post as content-service lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageSummary(String lang, String permalink, String title, String kind, String translationKey,
        String description, String layout, List<String> categories, Instant date, Instant updatedAt) {

    public List<String> categoryList() {
        return categories == null ? List.of() : categories;
    }
}
