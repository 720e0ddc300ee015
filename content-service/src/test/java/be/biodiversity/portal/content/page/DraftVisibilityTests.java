package be.biodiversity.portal.content.page;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11#3: no read path shows a draft, or any revision of a page that is not published now, without the editor
 * token; anonymously such a page is simply not there (404), so a gap between ids and a draft look the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftVisibilityTests {

    private static final String TOKEN = "Bearer test-editor-secret";
    private static final String SECRET = "zwijgplicht";

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    /** Never published: a draft, then a second draft. */
    private String draft;
    /** Published, then a draft revision, then published again. */
    private String republished;
    /** Published, then unpublished (a take-down). */
    private String unpublished;
    /** Published, then deleted. */
    private String deleted;

    @BeforeAll
    void pages() {
        draft = create(page("/nl/dv-concept", "Concept", "draft", SECRET + " eerste versie", "dv-geheim"));
        put(draft, 0, page("/nl/dv-concept", "Concept", "draft", SECRET + " tweede versie", "dv-geheim"));
        republished = create(page("/nl/dv-heen-en-weer", "Heen en weer", "published", "openbare tekst", null));
        put(republished, 0, page("/nl/dv-heen-en-weer", "Heen en weer", "draft", SECRET + " tussendoor", null));
        put(republished, 1, page("/nl/dv-heen-en-weer", "Heen en weer", "published", "openbare tekst 2", null));
        unpublished = create(page("/nl/dv-ingetrokken", "Ingetrokken", "published", SECRET + " was openbaar", null));
        put(unpublished, 0, page("/nl/dv-ingetrokken", "Ingetrokken", "draft", SECRET + " ingetrokken", null));
        deleted = create(page("/nl/dv-weg", "Weg", "published", SECRET + " verwijderd", null));
        web.delete().uri("/api/content/v1/pages/" + deleted + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void aDraftByIdIsNotThereAnonymously() {
        notThere("/api/content/v1/pages/" + draft);
        notThere("/api/content/v1/pages/" + unpublished);
        asEditor("/api/content/v1/pages/" + draft).expectStatus().isOk().expectBody().jsonPath("$.status")
                .isEqualTo("draft");
    }

    @Test
    void aDraftByPathIsNotThereAnonymouslyEvenAskingForDrafts() {
        notThere("/api/content/v1/pages?lang=nl&path=/nl/dv-concept&drafts=true");
        notThere("/api/content/v1/pages?lang=nl&path=/nl/dv-concept");
        asEditor("/api/content/v1/pages?lang=nl&path=/nl/dv-concept&drafts=true").expectStatus().isOk();
    }

    @Test
    void theHistoryOfAPageNotPublishedNowIsNotThereAnonymously() {
        for (String id : List.of(draft, unpublished, deleted)) {
            notThere("/api/content/v1/pages/" + id + "/revisions");
            notThere("/api/content/v1/pages/" + id + "/revisions/0");
        }
        notThere("/api/content/v1/pages/" + draft + "/revisions/1");
        asEditor("/api/content/v1/pages/" + draft + "/revisions").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2);
        asEditor("/api/content/v1/pages/" + draft + "/revisions/0").expectStatus().isOk().expectBody()
                .jsonPath("$.body").isEqualTo(SECRET + " eerste versie");
        asEditor("/api/content/v1/pages/" + deleted + "/revisions/0").expectStatus().isOk();
    }

    @Test
    void aPublishedPageShowsOnlyItsPublishedRevisionsAnonymously() {
        web.get().uri("/api/content/v1/pages/" + republished + "/revisions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].version").isEqualTo(List.of(2, 0));
        notThere("/api/content/v1/pages/" + republished + "/revisions/1");
        web.get().uri("/api/content/v1/pages/" + republished + "/revisions/0").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("openbare tekst");
        asEditor("/api/content/v1/pages/" + republished + "/revisions").expectBody()
                .jsonPath("$[*].version").isEqualTo(List.of(2, 1, 0));
        asEditor("/api/content/v1/pages/" + republished + "/revisions/1").expectStatus().isOk();
    }

    @Test
    void searchesAndListingsShowNoDraftAnonymously() {
        for (String uri : List.of("/api/content/v1/pages?q=" + SECRET, "/api/content/v1/pages?lang=nl&limit=1000",
                "/api/content/v1/pages?q=" + SECRET + "&status=published", "/api/content/v1/posts?lang=nl&q=" + SECRET)) {
            String body = web.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(body).as(uri).doesNotContain(SECRET).doesNotContain("dv-concept").doesNotContain("dv-ingetrokken");
        }
        asEditor("/api/content/v1/pages?q=" + SECRET + "&status=any").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2);
    }

    @Test
    void listingsOfDraftsNeedTheToken() {
        for (String uri : List.of("/api/content/v1/pages?status=draft", "/api/content/v1/pages?status=any",
                "/api/content/v1/posts?status=draft", "/api/content/v1/pages?q=" + SECRET + "&status=any&status=published")) {
            web.get().uri(uri).exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        web.head().uri("/api/content/v1/pages?status=draft").exchange().expectStatus().isUnauthorized();
        web.get().uri(URI.create("http://localhost:" + port + "/api/content/v1/%70ages?status=any")).exchange()
                .expectStatus().isUnauthorized();
        asEditor("/api/content/v1/pages?status=draft&lang=nl&limit=1000").expectStatus().isOk().expectBody()
                .jsonPath("$.results[?(@.permalink == '/nl/dv-concept')]").exists();
    }

    @Test
    void aLanguageSwitchNeverLeadsToADraft() {
        web.get().uri("/api/content/v1/pages/translations?key=dv-geheim").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private void notThere(String uri) {
        String body = web.get().uri(uri).exchange().expectStatus().isNotFound().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(body).as(uri).doesNotContain(SECRET);
    }

    private WebTestClient.ResponseSpec asEditor(String uri) {
        return web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, TOKEN).exchange();
    }

    private static Map<String, Object> page(String permalink, String title, String status, String body, String key) {
        Map<String, Object> page = new HashMap<>(Map.of("lang", "nl", "permalink", permalink, "title", title,
                "status", status, "body", body));
        if (key != null) {
            page.put("translationKey", key);
        }
        return page;
    }

    private String create(Map<String, Object> page) {
        return (String) web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }

    private void put(String id, long version, Map<String, Object> page) {
        web.put().uri("/api/content/v1/pages/" + id + "?version=" + version).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page).exchange().expectStatus().isOk();
    }
}
