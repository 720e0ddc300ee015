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
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.TestTicker;
import be.biodiversity.portal.render.content.ContentChanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache: pages served again until content-service's change feed names them, 304s, stale pages while
 * content-service is down — but never a page content-service has since removed or changed. The feed is read when
 * the test says ({@link ContentChanges#read()}), and time moves only on the {@link TestTicker}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.revision-poll=1h")
@AutoConfigureWebTestClient
@Import(TestTicker.Config.class)
class PageCacheTests {

    private static final String NL_PAGE = "/api/content/v1/pages?lang=nl&path=/nl/community";
    private static final String OVER = "/api/content/v1/pages?lang=nl&path=/nl/over";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=fr&path=/fr/community", "contracts/content/page-fr-community.json")
        .json("/api/content/v1/pages/translations?key=community", "contracts/content/translations-community.json");

    static final ProviderStub directory = ProviderStub.start()
        .json("/api/directory/v1/organisations?role=MEMBER&limit=1000", "contracts/directory/organisations-member.json")
        .json("/api/directory/v1/organisations?role=PARTNER&limit=1000",
                "contracts/directory/organisations-partner.json");

    static final ChangeFeed feed = new ChangeFeed(content);

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ContentChanges changes;

    @Autowired
    TestTicker ticker;

    @Autowired
    PageCache cache;

    @BeforeEach
    void theOriginalPagesAndAFreshFeed() {
        content.json(NL_PAGE, "contracts/content/page-nl-community.json");
        content.json(OVER, "contracts/content/page-minimal.json");
        cache.clear();
        feed.publish(changes);
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
        long asked = requests(NL_PAGE);
        feed.publish(changes);
        assertThat(get("/nl/community")).isEqualTo(first);
        assertThat(get("/nl/community/")).isEqualTo(first);
        assertThat(get("/nl/./community")).as("one key per page, however it is spelled").isEqualTo(first);
        assertThat(requests(NL_PAGE)).isEqualTo(asked);
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
    void anEditIsRenderedAsSoonAsTheFeedNamesThePageAndOnlyThatPageAndItsTranslationsAreRenderedAgain() {
        assertThat(get("/nl/community")).contains("<h1>Gemeenschap</h1>");
        get("/nl/over");
        long over = requests(OVER);
        content.respond(NL_PAGE, 200, "application/json", ProviderStub.read("contracts/content/page-nl-community.json")
            .replace("\"title\": \"Gemeenschap\"", "\"title\": \"Gemeenschap (bewerkt)\""));
        feed.publish(changes, "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"fr\", \"path\": \"/fr/other\"}");
        assertThat(get("/nl/community")).as("another page changed: still the page rendered before")
            .contains("<h1>Gemeenschap</h1>");

        feed.publish(changes, "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/community\","
                + " \"removed\": false}");

        assertThat(get("/nl/community")).contains("<h1>Gemeenschap (bewerkt)</h1>");
        get("/nl/over");
        assertThat(requests(OVER)).as("an unrelated page stays as it was rendered").isEqualTo(over);
    }

    @Test
    void withContentServiceDownAPageRenderedBeforeIsServedButMarkedNotToBeKept() {
        String before = get("/fr/community");
        ticker.advance(Duration.ofSeconds(31));
        content.goDown();

        web.get().uri("/fr/community").exchange()
            .expectStatus().isOk()
            .expectHeader().exists(HttpHeaders.AGE)
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody(String.class).isEqualTo(before);
        web.get().uri("/fr/nothing-rendered-before").exchange().expectStatus().isEqualTo(503);

        ticker.advance(Duration.ofMinutes(15));
        web.get().uri("/fr/community").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void aDeletedPageIsNeverServedAgainFromAKeptCopy() {
        get("/nl/community");
        feed.publish(changes, "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/community\","
                + " \"removed\": true}");
        content.goDown();
        assertThat(status("/nl/community")).isEqualTo(503);
    }

    @Test
    void aPageUnpublishedToDraftAnswers404AndIsForgottenThen() {
        get("/nl/community");
        ticker.advance(Duration.ofSeconds(31));
        content.respond(NL_PAGE, 404, "application/problem+json", "{\"status\":404}");
        assertThat(status("/nl/community")).as("content-service says it is not there").isEqualTo(404);
        content.goDown();
        assertThat(status("/nl/community")).as("no copy left to stand in").isEqualTo(503);
    }

    @Test
    void aPageMovedToAnotherPermalinkIsNotServedAtItsOldPath() {
        get("/nl/community");
        feed.publish(changes,
                "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/community\", \"removed\": true}",
                "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/gemeenschap\", \"removed\": false}");
        content.goDown();
        assertThat(status("/nl/community")).isEqualTo(503);
    }

    @Test
    void aFeedWithMoreIsReadToItsEnd() {
        get("/nl/community");
        long from = feed.revision();
        content.respond("/api/content/v1/changes?since=" + from, 200, "application/json", ("{\"revision\": %d,"
                + " \"complete\": true, \"more\": true, \"changes\": [{\"revision\": %d, \"scope\": \"page\","
                + " \"path\": \"/nl/a\"}]}").formatted(from + 2, from + 1));
        feed.continueAt(from + 1, changes, "{\"revision\": %d, \"scope\": \"page\", \"path\": \"/nl/community\","
                + " \"removed\": true}");
        content.goDown();
        assertThat(status("/nl/community")).isEqualTo(503);
    }

    @Test
    void aRemovedTranslationForgetsThePagesThatLinkToIt() {
        get("/fr/community");
        feed.publish(changes, "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/community\","
                + " \"removed\": true}");
        content.goDown();
        assertThat(status("/fr/community")).as("its language switch named the removed page").isEqualTo(503);
    }

    @Test
    void aSiteWideChangeRendersEveryPageAgainButKeepsThemToStandInForAnError() {
        get("/nl/over");
        long over = requests(OVER);
        feed.publish(changes, "{\"revision\": %d, \"scope\": \"site\"}");
        get("/nl/over");
        assertThat(requests(OVER)).isEqualTo(over + 1);
        feed.publish(changes, "{\"revision\": %d, \"scope\": \"site\"}");
        content.goDown();
        assertThat(status("/nl/over")).isEqualTo(200);
    }

    @Test
    void aFeedThatLostTrackForgetsEverythingStaleCopiesToo() {
        get("/nl/over");
        feed.incomplete(changes);
        content.goDown();
        assertThat(status("/nl/over")).isEqualTo(503);
    }

    @Test
    void aPageIsRenderedAgainAfterMaxAgeWhateverTheFeedSays() {
        get("/nl/over");
        long over = requests(OVER);
        ticker.advance(Duration.ofSeconds(29));
        feed.publish(changes);
        get("/nl/over");
        assertThat(requests(OVER)).isEqualTo(over);
        ticker.advance(Duration.ofSeconds(2));
        feed.publish(changes);
        get("/nl/over");
        assertThat(requests(OVER)).isEqualTo(over + 1);
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

    private int status(String path) {
        return web.get().uri(path).exchange().returnResult(String.class).getStatus().value();
    }

    private long requests(String request) {
        return content.requests().stream().filter(request::equals).count();
    }
}
