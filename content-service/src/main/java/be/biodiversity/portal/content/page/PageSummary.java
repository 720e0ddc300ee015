package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;

/**
 * One page or post in a listing. The first three fields are what the language switch reads (the v1 shape).
 */
record PageSummary(String lang, String permalink, String title, String id, String kind, String translationKey,
        String description, String layout, List<String> categories, Instant date, String status, Long version,
        Instant updatedAt) {

    static PageSummary of(Page page) {
        return new PageSummary(page.lang(), page.permalink(), page.title(), page.id(), page.kind(),
                page.translationKey(), page.description(), page.layout(), page.categories(), page.date(),
                page.status(), page.version(), page.updatedAt());
    }
}
