package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;

/**
 * One page or post in a listing. The first three fields are what the language switch reads (the v1 shape).
 * {@code card} is there only when asked for ({@code cards=true} on the posts listing), else null.
 * {@code noindex}: its front matter says {@code noindex: true} (left out of the sitemap).
 */
record PageSummary(String lang, String permalink, String title, String id, String kind, String translationKey,
        String description, String layout, List<String> categories, Instant date, String status, Long version,
        Instant updatedAt, Card card, boolean noindex) {

    static PageSummary of(Page page) {
        Object noindex = page.frontMatter().get("noindex");
        return new PageSummary(page.lang(), page.permalink(), page.title(), page.id(), page.kind(),
                page.translationKey(), page.description(), page.layout(), page.categories(), page.date(),
                page.status(), page.version(), page.updatedAt(), null,
                Boolean.TRUE.equals(noindex) || "true".equalsIgnoreCase(String.valueOf(noindex).strip()));
    }

    PageSummary withCard(Card found) {
        return new PageSummary(lang, permalink, title, id, kind, translationKey, description, layout, categories, date,
                status, version, updatedAt, found, noindex);
    }

    /**
     * What a news card shows, resolved (Liquid done): {@code image} the post's {@code thumbnail} or else its
     * {@code background}, {@code excerpt} the text of its first paragraph, {@code author}, {@code preTitle}; each
     * may be null.
     */
    record Card(String image, String excerpt, String author, String preTitle) {
    }
}
