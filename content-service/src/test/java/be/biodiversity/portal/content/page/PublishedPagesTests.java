package be.biodiversity.portal.content.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listings and language switches are answered from the index of published pages: the same answers as the MongoDB
 * queries they replace, and kept in step with writes by reading only the pages a write changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class PublishedPagesTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    PageService pages;

    @Autowired
    PublishedPages published;

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(String lang, String permalink, String title, Map<String, Object> extra) {
        Map<String, Object> page = new HashMap<>(Map.of("lang", lang, "permalink", permalink, "title", title,
                "body", "Text of " + title + "."));
        page.putAll(extra);
        return web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN).bodyValue(page)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Slugs of this run: a rerun of a failed test (surefire reruns once) must not collide with the first run. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private void post(String lang, String slug, String date, List<String> categories, String status) {
        create(lang, (lang.equals("en") ? "" : "/" + lang) + "/post/idx/" + RUN + "/" + slug, "Post " + slug,
                Map.of("kind", "post", "date", date, "categories", categories, "status", status,
                        "translationKey", "idx-" + RUN + "-" + slug));
    }

    @Test
    void listingsFromTheIndexAreTheListingsOfTheQueries() {
        post("nl", "a", "2024-03-01T00:00:00Z", List.of("GBIF", "Data"), "published");
        post("nl", "b", "2025-01-10T00:00:00Z", List.of("Data"), "published");
        post("nl", "c", "2025-01-10T00:00:00Z", List.of(), "published");
        post("nl", "d", "2025-02-01T00:00:00Z", List.of("Data"), "draft");
        post("fr", "a", "2024-03-01T00:00:00Z", List.of("GBIF"), "published");
        post("en", "b", "2023-06-01T00:00:00Z", List.of("Data"), "published");

        List<PageFilter> filters = new ArrayList<>();
        for (String lang : new String[] { null, "nl", "fr", "en" }) {
            for (String kind : new String[] { null, "post", "page" }) {
                for (String sort : new String[] { null, "-date", "date", "permalink" }) {
                    filters.add(new PageFilter(lang, kind, null, null, null, null, null, sort));
                }
                filters.add(new PageFilter(lang, kind, null, "Data", null, null, null, null));
                filters.add(new PageFilter(lang, kind, null, null, 2025, null, null, null));
            }
        }
        for (PageFilter filter : filters) {
            for (long offset : new long[] { 0, 1, 3 }) {
                PageList fromIndex = pages.list(filter, offset, 2).block();
                PageList fromQuery = pages.query(filter, offset, 2).block();
                assertThat(fromIndex).as(filter + " offset " + offset).isEqualTo(fromQuery);
            }
        }
        // other tests write to the same database: the counts are those of the query, whatever else is there
        for (String category : List.of("Data", "GBIF")) {
            long posts = pages.query(new PageFilter("nl", "post", null, category, null, null, null, null), 0, 1)
                    .block().count();
            assertThat(posts).isGreaterThanOrEqualTo(category.equals("Data") ? 2 : 1);
            web.get().uri("/api/content/v1/posts/categories?lang=nl").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.name == '" + category + "')].count").isEqualTo((int) posts);
        }
        web.get().uri("/api/content/v1/posts/categories?lang=xx").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("lang");
        assertThat(pages.translations("idx-" + RUN + "-a").collectList().block())
                .isEqualTo(pages.queryTranslations("idx-" + RUN + "-a").collectList().block()).hasSize(2);
    }

    @Test
    void anEditReadsOnlyThePageItChangedNotTheWholeSite() {
        Map<String, Object> page = create("nl", "/nl/idx-edit", "Eerst", Map.of("translationKey", "idx-edit"));
        web.get().uri("/api/content/v1/pages/translations?key=idx-edit").exchange().expectBody()
                .jsonPath("$[0].title").isEqualTo("Eerst");
        long rebuilds = published.rebuilds();
        long read = published.pagesRead();

        Map<String, Object> changed = new HashMap<>(Map.of("lang", "nl", "permalink", "/nl/idx-edit", "title",
                "Daarna", "body", "Nieuw.", "translationKey", "idx-edit"));
        web.put().uri("/api/content/v1/pages/" + page.get("id") + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(changed).exchange().expectStatus().isOk();

        web.get().uri("/api/content/v1/pages/translations?key=idx-edit").exchange().expectBody()
                .jsonPath("$[0].title").isEqualTo("Daarna");
        web.get().uri("/api/content/v1/pages?lang=nl&sort=permalink&limit=1000").exchange().expectBody()
                .jsonPath("$.results[?(@.permalink == '/nl/idx-edit')].title").isEqualTo("Daarna");
        assertThat(published.rebuilds()).as("computed again from the whole collection").isEqualTo(rebuilds);
        assertThat(published.pagesRead() - read).as("pages read again").isEqualTo(1);
    }

    @Test
    void anUnpublishedOrDeletedPageLeavesTheListingsAtOnce() {
        Map<String, Object> page = create("fr", "/fr/post/idx/gone", "Parti", Map.of("kind", "post", "date",
                "2026-01-01T00:00:00Z", "translationKey", "idx-gone"));
        web.get().uri("/api/content/v1/posts?lang=fr&limit=100").exchange().expectBody()
                .jsonPath("$.results[?(@.permalink == '/fr/post/idx/gone')].title").isEqualTo("Parti");

        Map<String, Object> draft = new HashMap<>(Map.of("lang", "fr", "permalink", "/fr/post/idx/gone", "title",
                "Parti", "body", "x", "kind", "post", "date", "2026-01-01T00:00:00Z", "status", "draft",
                "translationKey", "idx-gone"));
        web.put().uri("/api/content/v1/pages/" + page.get("id") + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(draft).exchange().expectStatus().isOk();
        web.get().uri("/api/content/v1/posts?lang=fr&limit=100").exchange().expectBody()
                .jsonPath("$.results[?(@.permalink == '/fr/post/idx/gone')]").isEmpty();
        web.get().uri("/api/content/v1/pages/translations?key=idx-gone").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(0);

        web.delete().uri("/api/content/v1/pages/" + page.get("id") + "?version=1")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isNoContent();
        web.get().uri("/api/content/v1/posts?lang=fr&limit=100").exchange().expectBody()
                .jsonPath("$.results[?(@.permalink == '/fr/post/idx/gone')]").isEmpty();
    }

    @Test
    void aSortedListingCountsAndPagesLikeGbif() {
        PageList all = pages.list(new PageFilter("nl", null, null, null, null, null, null, null), 0, 1000).block();
        PageList second = pages.list(new PageFilter("nl", null, null, null, null, null, null, null), 1, 1).block();
        assertThat(second.count()).isEqualTo(all.count());
        assertThat(second.results()).containsExactly(all.results().get(1));
        assertThat(second.endOfRecords()).isEqualTo(all.count() <= 2);
    }
}
