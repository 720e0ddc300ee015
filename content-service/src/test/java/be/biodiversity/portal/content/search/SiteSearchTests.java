package be.biodiversity.portal.content.search;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.search.ChangeFollower;

/**
 * The site search through the API: accent-insensitive, ranked title over headings over body, snippets escaped then
 * marked, paging, one language, and never a draft. Each write is awaited through the follower's signal that the
 * index holds it, never by waiting a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteSearchTests {

    private static final String TOKEN = "Bearer test-editor-secret";
    private static final String API = "/api/content/v1/search";

    @Autowired
    WebTestClient web;

    @Autowired
    SiteSearchFollower follower;

    private Flux<ChangeFollower.Applied> applied;
    private String titled;
    private String headed;
    private String bodied;
    private String french;
    private String republished;

    @BeforeAll
    void pages() {
        applied = follower.applied().replay(200).autoConnect(0);
        titled = create(page("nl", "/nl/ss-bossen", "Écologie van Kwartelbossen", "published", "Een tekst over bomen."));
        headed = create(page("nl", "/nl/ss-kop", "Bomen", "published",
                "## Kwartelbossen en écologie\n\nTekst zonder het woord."));
        bodied = create(page("nl", "/nl/ss-tekst", "Andere pagina", "published",
                "Lange inleiding. In de kwartelbossen leeft &lt;een&gt; soort & meer; écologie is een vak."));
        french = create(page("fr", "/fr/ss-forets", "Écologie des kwartelbossen", "published", "Texte."));
        String draft = create(page("nl", "/nl/ss-concept", "Kwartelbossen geheim", "draft", "zwijgkwartel"));
        republished = create(page("nl", "/nl/ss-heen", "Kwartelbossen heen", "published", "zwijgkwartel openbaar"));
        put(republished, 0, page("nl", "/nl/ss-heen", "Kwartelbossen heen", "draft", "zwijgkwartel concept"));
        awaitIndexed(titled, headed, bodied, french, draft);
        awaitIndexed(republished, republished);
    }

    @Test
    void accentsAndCaseDoNotMatterAndTheTitleRanksFirst() {
        web.get().uri(API + "?q=ecologie kwartelbos&lang=nl").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.results[0].permalink").isEqualTo("/nl/ss-bossen")
                .jsonPath("$.results[1].permalink").isEqualTo("/nl/ss-kop")
                .jsonPath("$.results[2].permalink").isEqualTo("/nl/ss-tekst")
                .jsonPath("$.results[0].title").isEqualTo("Écologie van Kwartelbossen")
                .jsonPath("$.results[0].kind").isEqualTo("page")
                .jsonPath("$.facets[0].field").isEqualTo("kind")
                .jsonPath("$.facets[0].counts[0].name").isEqualTo("page");
    }

    @Test
    void onlyTheVisitorsLanguage() {
        web.get().uri(API + "?q=kwartelbossen&lang=fr").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.results[0].permalink").isEqualTo("/fr/ss-forets");
    }

    @Test
    void theSnippetIsEscapedThenMarked() {
        web.get().uri(API + "?q=kwartelbossen ecologie&lang=nl").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[2].snippet").isEqualTo("Lange inleiding. In de <mark>kwartelbossen</mark> "
                        + "leeft &lt;een&gt; soort &amp; meer; <mark>écologie</mark> is een vak.");
    }

    @Test
    void pagesOfResults() {
        web.get().uri(API + "?q=kwartelbossen&lang=nl&offset=1&limit=1").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.results.length()").isEqualTo(1)
                .jsonPath("$.results[0].permalink").isEqualTo("/nl/ss-kop")
                .jsonPath("$.endOfRecords").isEqualTo(false);
        web.get().uri(API + "?q=kwartelbossen&lang=nl&offset=2&limit=5").exchange().expectBody()
                .jsonPath("$.endOfRecords").isEqualTo(true);
    }

    @Test
    void draftsAndUnpublishedPagesAreNeverFound() {
        web.get().uri(API + "?q=zwijgkwartel").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(0);
        web.get().uri(API + "?q=kwartelbossen geheim&lang=nl").exchange().expectBody().jsonPath("$.count")
                .isEqualTo(0);
    }

    @Test
    void anEmptyQueryFindsNothingAndBadParametersAreNamed() {
        web.get().uri(API + "?q=&lang=nl").exchange().expectStatus().isOk().expectBody().jsonPath("$.count")
                .isEqualTo(0);
        web.get().uri(API + "?q=x&lang=xx").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("lang");
        web.get().uri(API + "?q=x&limit=5000").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("limit");
        web.get().uri(API + "?q=x&kind=draft").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("kind");
        web.get().uri(API + "?q=" + "a".repeat(201)).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("q");
    }

    @Test
    void aDeletedPageLeavesTheIndex() {
        String gone = create(page("nl", "/nl/ss-weg", "Verdwijnkwartel", "published", "tekst"));
        awaitIndexed(gone);
        web.get().uri(API + "?q=verdwijnkwartel").exchange().expectBody().jsonPath("$.count").isEqualTo(1);
        web.delete().uri("/api/content/v1/pages/" + gone + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isNoContent();
        awaitIndexed(gone, gone);
        web.get().uri(API + "?q=verdwijnkwartel").exchange().expectBody().jsonPath("$.count").isEqualTo(0);
    }

    /** Waits until the follower has applied one change per id given (an id given twice: two changes). */
    private void awaitIndexed(String... ids) {
        for (String id : new java.util.LinkedHashSet<>(List.of(ids))) {
            long times = java.util.Arrays.stream(ids).filter(id::equals).count();
            StepVerifier.create(applied.filter(a -> id.equals(a.id())).take(times))
                    .expectNextCount(times).expectComplete().verify(Duration.ofSeconds(60));
        }
    }

    private static Map<String, Object> page(String lang, String permalink, String title, String status, String body) {
        return new HashMap<>(Map.of("lang", lang, "permalink", permalink, "title", title, "status", status,
                "body", body));
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
