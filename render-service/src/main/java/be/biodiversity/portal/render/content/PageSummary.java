package be.biodiversity.portal.render.content;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A page or post as content-service lists them. {@code card} (what a news card shows, resolved) is there when the
 * listing was asked for with {@code cards=true}, else null. {@code noindex}: its front matter says
 * {@code noindex: true}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageSummary(String lang, String permalink, String title, String kind, String translationKey,
        String description, String layout, List<String> categories, Instant date, Instant updatedAt, Card card,
        Boolean noindex) {

    /** A post's {@code thumbnail} or {@code background}, the text of its first paragraph, author, pre-title. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Card(String image, String excerpt, String author, String preTitle) {
    }

    public List<String> categoryList() {
        return categories == null ? List.of() : categories;
    }
}
