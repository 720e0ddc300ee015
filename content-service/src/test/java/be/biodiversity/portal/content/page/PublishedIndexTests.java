package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the index answers without reading MongoDB: the site's languages (every render asks for them) and the
 * language versions a write names in the change feed.
 */
class PublishedIndexTests {

    private static PageSummary page(String id, String lang, String permalink, String key, String status) {
        return new PageSummary(lang, permalink, "Title " + id, id, Page.PAGE, key, null, null, List.of(), null, status,
                0L, null, null, false);
    }

    @Test
    void theLanguagesAreThoseOfThePublishedPages() {
        PublishedIndex index = PublishedIndex.of(1, List.of(page("1", "en", "/team", "team", Page.PUBLISHED),
                page("2", "nl", "/nl/team", "team", Page.PUBLISHED), page("3", "fr", "/fr/equipe", "team", "draft")));

        assertThat(index.languages()).containsExactly("en", "nl");

        PublishedIndex later = index.with(2, Set.of("2"), List.of(page("2", "nl", "/nl/team", "team", "draft")));
        assertThat(later.languages()).as("the last Dutch page unpublished").containsExactly("en");
    }

    @Test
    void theVersionsOfAKeyAreItsPublishedPages() {
        PublishedIndex index = PublishedIndex.of(1, List.of(page("1", "en", "/team", "team", Page.PUBLISHED),
                page("2", "nl", "/nl/team", "team", Page.PUBLISHED), page("3", "fr", "/fr/equipe", "team", "draft"),
                page("4", "en", "/about", "about", Page.PUBLISHED)));

        assertThat(index.versions("team")).extracting(PageSummary::id).containsExactlyInAnyOrder("1", "2");
        assertThat(index.versions("nothing")).isEmpty();
    }

    /**
     * An index brought forward write by write answers as one computed from scratch from the same pages: every
     * listing, language switch and language, through creations, edits that move, retitle or re-date a page, and
     * removals (a fixed seed: the same writes every run).
     */
    @Test
    void anIndexBroughtForwardAnswersAsOneComputedFromScratch() {
        java.util.Random random = new java.util.Random(19);
        java.util.Map<String, PageSummary> pages = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            PageSummary page = randomPage(random, "p" + i);
            pages.put(page.id(), page);
        }
        PublishedIndex index = PublishedIndex.of(1, pages.values());
        for (int revision = 2; revision < 200; revision++) {
            Set<String> changed = new java.util.HashSet<>();
            for (int n = 0; n < 1 + random.nextInt(3); n++) {
                String id = "p" + random.nextInt(80);
                changed.add(id);
                if (random.nextInt(5) == 0) {
                    pages.remove(id);
                }
                else {
                    pages.put(id, randomPage(random, id));
                }
            }
            // what the change log's reader reads again: the changed pages as they are now
            List<PageSummary> now = changed.stream().map(pages::get).filter(java.util.Objects::nonNull).toList();
            index = index.with(revision, changed, now);
            assertSameAnswers(index, PublishedIndex.of(revision, pages.values()));
        }
    }

    private static PageSummary randomPage(java.util.Random random, String id) {
        String lang = List.of("en", "nl", "fr").get(random.nextInt(3));
        boolean post = random.nextBoolean();
        java.time.Instant date = random.nextInt(4) == 0 ? null
                : java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(6));
        String status = random.nextInt(6) == 0 ? "draft" : Page.PUBLISHED;
        // a permalink of its own (published pages never share one), few keys, dates and categories
        return new PageSummary(lang, "/" + lang + "/" + id + "-" + random.nextInt(3), "T" + random.nextInt(100), id,
                post ? Page.POST : Page.PAGE, random.nextInt(4) == 0 ? null : "k" + random.nextInt(8), null, null,
                List.of(List.of("A", "B", "C").get(random.nextInt(3))), date, status, 0L, null, null, false);
    }

    private static void assertSameAnswers(PublishedIndex actual, PublishedIndex expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.languages()).isEqualTo(expected.languages());
        for (String lang : java.util.Arrays.asList(null, "en", "nl", "fr")) {
            for (String kind : java.util.Arrays.asList(null, Page.POST)) {
                for (String sort : java.util.Arrays.asList(null, "permalink", "-date", "date")) {
                    PageFilter filter = new PageFilter(lang, kind, null, null, null, null, null, sort);
                    assertThat(actual.list(filter, 0, 1000).results()).extracting(PageSummary::id)
                            .as("%s", filter).containsExactlyElementsOf(expected.list(filter, 0, 1000).results()
                                    .stream().map(PageSummary::id).toList());
                }
            }
            assertThat(actual.categories(lang)).isEqualTo(expected.categories(lang));
        }
        for (int k = 0; k < 8; k++) {
            assertThat(actual.translations("k" + k)).isEqualTo(expected.translations("k" + k));
            assertThat(actual.versions("k" + k)).isEqualTo(expected.versions("k" + k));
        }
    }
}
