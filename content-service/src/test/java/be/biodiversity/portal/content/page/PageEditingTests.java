package be.biodiversity.portal.content.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "portal.editor.token=test-editor-secret", "portal.editor.tokens.anne=anne-secret",
                "portal.editor.tokens.bert=bert-secret" })
@AutoConfigureWebTestClient
class PageEditingTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> page(String permalink, String title, Map<String, Object> extra) {
        Map<String, Object> page = new HashMap<>(Map.of("lang", "nl", "permalink", permalink, "title", title,
                "body", "Tekst van " + title + "."));
        page.putAll(extra);
        return page;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(Map<String, Object> page) {
        return web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, "Bearer anne-secret")
                .header("X-Editor", "mallory").bodyValue(page).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec put(Object id, Object version, Map<String, Object> page) {
        return web.put().uri("/api/content/v1/pages/" + id + "?version=" + version)
                .header(HttpHeaders.AUTHORIZATION, "Bearer bert-secret").bodyValue(page).exchange();
    }

    private List<Long> database() {
        return List.of("pages", "pageRevisions", "siteRevision").stream()
                .map(c -> mongo.count(new Query(), c).block()).toList();
    }

    /** The author is the editor the token belongs to; an X-Editor header (sent as "mallory" above) names no one. */
    @Test
    void anUpdateWithTheCurrentVersionIsSavedAndRecorded() {
        Map<String, Object> created = create(page("/nl/edit-a", "Eerste", Map.of()));
        assertThat(created).containsEntry("version", 0).containsEntry("updatedBy", "anne")
                .doesNotContainKeys("searchText", "sourceHash");
        put(created.get("id"), 0, page("/nl/edit-a", "Tweede", Map.of())).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.updatedBy").isEqualTo("bert");
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/edit-a").exchange().expectBody()
                .jsonPath("$.title").isEqualTo("Tweede");
        web.get().uri("/api/content/v1/pages/" + created.get("id") + "/revisions").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].author").isEqualTo("bert").jsonPath("$[0].version").isEqualTo(1)
                .jsonPath("$[1].author").isEqualTo("anne").jsonPath("$[1].action").isEqualTo("create");
    }

    @Test
    void aStaleUpdateIsAConflictWithTheCurrentVersionAndChangesNothing() {
        Map<String, Object> created = create(page("/nl/edit-b", "Eerste", Map.of()));
        put(created.get("id"), 0, page("/nl/edit-b", "Van Anne", Map.of())).expectStatus().isOk();
        List<Long> before = database();
        put(created.get("id"), 0, page("/nl/edit-b", "Van Bert", Map.of())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("version").jsonPath("$.currentVersion").isEqualTo(1);
        assertThat(database()).isEqualTo(before);
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/edit-b").exchange().expectBody()
                .jsonPath("$.title").isEqualTo("Van Anne");
        web.put().uri("/api/content/v1/pages/" + created.get("id")).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page("/nl/edit-b", "Zonder versie", Map.of())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("version");
    }

    @Test
    void anOldRevisionCanBeRestoredAndADeletedPageBroughtBack() {
        Map<String, Object> created = create(page("/nl/edit-c", "Origineel", Map.of()));
        Object id = created.get("id");
        put(id, 0, page("/nl/edit-c", "Verknoeid", Map.of())).expectStatus().isOk();
        web.post().uri("/api/content/v1/pages/" + id + "/revisions/0/restore?version=1")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Origineel").jsonPath("$.version").isEqualTo(2);

        web.delete().uri("/api/content/v1/pages/" + id + "?version=1").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentVersion").isEqualTo(2);
        web.delete().uri("/api/content/v1/pages/" + id).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .header(HttpHeaders.IF_MATCH, "\"2\"").exchange().expectStatus().isNoContent();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/edit-c").exchange().expectStatus().isNotFound();

        web.post().uri("/api/content/v1/pages/" + id + "/revisions/1/restore").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isOk();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/edit-c").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Verknoeid");
    }

    @Test
    void draftsAreForEditorsOnly() {
        create(page("/nl/concept", "Concept", Map.of("status", "draft")));
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/concept").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/pages?lang=nl").exchange().expectBody()
                .jsonPath("$.results[?(@.permalink == '/nl/concept')]").doesNotExist();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/concept&drafts=true").exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/concept&drafts=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer wrong").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/concept&drafts=true")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("draft");
        web.get().uri("/api/content/v1/pages?lang=nl&status=draft").header(HttpHeaders.AUTHORIZATION, TOKEN).exchange()
                .expectBody().jsonPath("$.results[?(@.permalink == '/nl/concept')]").exists();
    }

    @Test
    void postsAreFilteredByCategoryYearAndAccentFoldedTextNewestFirst() {
        create(page("/nl/post/2023/koffie", "Koffie en data", Map.of("kind", "post", "date", "2023-04-01T10:00:00Z",
                "categories", List.of("Events"), "body", "Een workshop met CAFÉ en croissants.")));
        create(page("/nl/post/2024/ipt", "IPT-opleiding", Map.of("kind", "post", "date", "2024-02-01T10:00:00Z",
                "categories", List.of("Training", "Events"))));
        create(page("/nl/post/2024/node", "Nieuwe node", Map.of("kind", "post", "date", "2024-09-01T10:00:00Z",
                "categories", List.of("GBIF"))));
        web.get().uri("/api/content/v1/posts?lang=nl&category=Events").exchange().expectBody()
                .jsonPath("$.results[*].title").isEqualTo(List.of("IPT-opleiding", "Koffie en data"));
        web.get().uri("/api/content/v1/posts?lang=nl&year=2024").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(2).jsonPath("$.results[0].title").isEqualTo("Nieuwe node");
        web.get().uri("/api/content/v1/pages?lang=nl&q=cafe").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(1).jsonPath("$.results[0].title").isEqualTo("Koffie en data");
        web.get().uri("/api/content/v1/posts?lang=nl&year=2024&sort=date&limit=1&offset=1").exchange().expectBody()
                .jsonPath("$.results[0].title").isEqualTo("Nieuwe node").jsonPath("$.endOfRecords").isEqualTo(true);
    }

    @Test
    void frontMatterKeysWithDotsAreKeptAsSent() {
        Map<String, Object> created = create(page("/nl/dots", "Punten", Map.of("frontMatter",
                Map.of("og.image", "/img/a.png", "cta", List.of(Map.of("text", "Meer", "href", "/nl", "x.y", 1))))));
        web.get().uri("/api/content/v1/pages/" + created.get("id")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.frontMatter['og.image']").isEqualTo("/img/a.png")
                .jsonPath("$.frontMatter.cta[0]['x.y']").isEqualTo(1);
    }

    @Test
    void badWritesNameTheFieldAndChangeNothing() {
        List<Long> before = database();
        post(page("/nl/x1", "X", Map.of("kind", "news"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("kind");
        post(page("/nl/x2", "X", Map.of("kind", "post"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("date");
        post(page("/nl/x3", "X", Map.of("frontMatter", Map.of("cta", "not a list")))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("frontMatter.cta");
        post(page("/nl/x4", "X", Map.of("frontMatter", Map.of("noindex", "yes")))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("frontMatter.noindex");
        post(page("/nl/x5", "X", Map.of("body", "Hallo\n\n<a href=\"JavaScript:alert(1)\">x</a>"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("body")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 3"));
        post(page("/nl/x6", "X", Map.of("body", "[klik](javascript:alert(1))"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("body");
        post(page("/nl/x7", "X", Map.of("status", "hidden"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("status");
        post(page("/nl/x8", "X", Map.of("kind", "post", "date", "+999999999-12-31T23:59:59Z"))).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.field").isEqualTo("date");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void everyWriteMovesTheSiteRevision() {
        long before = revision();
        Map<String, Object> created = create(page("/nl/edit-r", "R", Map.of()));
        assertThat(revision()).isGreaterThan(before);
        long afterCreate = revision();
        put(created.get("id"), 0, page("/nl/edit-r", "R2", Map.of())).expectStatus().isOk();
        assertThat(revision()).isGreaterThan(afterCreate);
        web.get().uri("/api/content/v1/revision").header(HttpHeaders.IF_NONE_MATCH, "\"" + revision() + "\"").exchange()
                .expectStatus().isNotModified();
    }

    private long revision() {
        return ((Number) web.get().uri("/api/content/v1/revision").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("revision")).longValue();
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> page) {
        return web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN).bodyValue(page).exchange();
    }

    @Test
    void whoEditedAPageWhereItCameFromAndTheParsersWordsAreForEditorsOnly() {
        Map<String, Object> created = create(page("/nl/editor-only", "Wie", Map.of("body", "Tekst {{ 'a' | nosuchfilter }}")));
        Object id = created.get("id");
        web.get().uri("/api/content/v1/pages/" + id).header(HttpHeaders.AUTHORIZATION, TOKEN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.updatedBy").isNotEmpty()
                .jsonPath("$.resolved.problems[0].message").value(m -> assertThat((String) m).contains("nosuchfilter"));
        for (String uri : List.of("/api/content/v1/pages/" + id, "/api/content/v1/pages?lang=nl&path=/nl/editor-only")) {
            web.get().uri(uri).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.resolved.problems[0].message").isEqualTo("Liquid error");
            String json = web.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(json).contains("Tekst").doesNotContain("\"updatedBy\":\"").doesNotContain("\"sourcePath\":\"");
        }
    }
}
