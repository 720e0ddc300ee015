package be.biodiversity.portal.render.cache;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache: pages served again until content changes, 304s, stale pages while content-service is down. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.revision-poll=1h")
@AutoConfigureWebTestClient
class PageCacheTests {

    private static final String NL_PAGE = "/api/content/v1/pages?lang=nl&path=/nl/community";
    private static final String REVISION = "/api/content/v1/revision";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=fr&path=/fr/community", "contracts/content/page-fr-community.json")
        .json("/api/content/v1/pages/translations?key=community", "contracts/content/translations-community.json");

    static final ProviderStub directory = ProviderStub.start()
        .json("/api/directory/v1/organisations?role=MEMBER&limit=1000", "contracts/directory/organisations-member.json")
        .json("/api/directory/v1/organisations?role=PARTNER&limit=1000",
                "contracts/directory/organisations-partner.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ContentRevision revision;

    private static int revisionNumber = 100;

    @BeforeEach
    void aKnownRevisionAndTheOriginalPage() {
        content.json(NL_PAGE, "contracts/content/page-nl-community.json");
        bumpRevision();
    }

    @AfterEach
    void providersBackToNormal() {
        content.healthy();
        directory.healthy();
    }

    @AfterAll
    static void stopProviders() {
        content.close();
        directory.close();
    }

    @Test
    void aPageIsRenderedOnceWhileNothingChanges() {
        String first = get("/nl/community");
        long asked = pageRequests();
        assertThat(get("/nl/community")).isEqualTo(first);
        assertThat(get("/nl/community/")).isEqualTo(first);
        assertThat(pageRequests()).isEqualTo(asked);
    }

    @Test
    void aConditionalRequestForAnUnchangedPageIsAnswered304() {
        var response = web.get().uri("/nl/community").exchange().expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
            .expectHeader().exists(HttpHeaders.LAST_MODIFIED)
            .expectBody(String.class).returnResult();
        String etag = response.getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"");
        web.get().uri("/nl/community").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
            .expectStatus().isNotModified()
            .expectBody().isEmpty();
    }

    @Test
    void anEditIsRenderedAsSoonAsTheRevisionChanges() {
        assertThat(get("/nl/community")).contains("<h1>Gemeenschap</h1>");
        content.respond(NL_PAGE, 200, "application/json", ProviderStub.read("contracts/content/page-nl-community.json")
            .replace("\"title\": \"Gemeenschap\"", "\"title\": \"Gemeenschap (bewerkt)\""));
        assertThat(get("/nl/community")).as("same revision: still the page rendered before")
            .contains("<h1>Gemeenschap</h1>");

        bumpRevision();

        assertThat(get("/nl/community")).contains("<h1>Gemeenschap (bewerkt)</h1>");
    }

    @Test
    void withContentServiceDownAPageRenderedBeforeIsStillServed() {
        String before = get("/fr/community");
        bumpRevision();
        content.goDown();

        web.get().uri("/fr/community").exchange()
            .expectStatus().isOk()
            .expectHeader().exists(HttpHeaders.AGE)
            .expectBody(String.class).isEqualTo(before);
        web.get().uri("/fr/nothing-rendered-before").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void aPageRenderedWithoutItsDirectoryListsIsNotKept() {
        directory.goDown();
        // Not to be reused, but the gateway may keep it to stand in for an error of this service later.
        assertThat(web.get().uri("/nl/community").exchange().expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=0, stale-if-error=900")
            .expectBody(String.class).returnResult().getResponseBody())
            .doesNotContain("Koninklijk Belgisch Instituut voor Natuurwetenschappen");
        directory.healthy();
        assertThat(get("/nl/community")).contains("Koninklijk Belgisch Instituut voor Natuurwetenschappen");
    }

    private String get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    private long pageRequests() {
        return content.requests().stream().filter(NL_PAGE::equals).count();
    }

    private void bumpRevision() {
        revisionNumber++;
        content.respond(REVISION, 200, "application/json", "{\"revision\": " + revisionNumber + "}");
        assertThat(revision.read().block(Duration.ofSeconds(5))).isEqualTo(revisionNumber);
    }
}
