package be.biodiversity.portal.content.resolve;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the resolver reads of a page or post: its source fields and its front matter as the editor wrote them. */
public record PageSource(String lang, String permalink, String translationKey, String title, String description,
        String heroImage, String heroImageCredit, String body, Map<String, Object> frontMatter, String layout,
        List<String> categories, Instant date) {
}
