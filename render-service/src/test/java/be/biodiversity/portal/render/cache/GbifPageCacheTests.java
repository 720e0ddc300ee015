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
import be.biodiversity.portal.render.TemplateRenders;
import be.biodiversity.portal.render.TestTicker;
import be.biodiversity.portal.render.content.ContentChanges;
import be.biodiversity.portal.render.gbif.GbifStub;

import static be.biodiversity.portal.render.gbif.GbifStub.OCCURRENCE_FACETS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GBIF's pages in the page cache: a search is rendered once and its copy served while its GBIF answer is fresh and
 * the site unchanged; one copy per query however it is spelled, never one for a query that says more than the page
 * used; never a notice or a last good answer; never more bytes than {@code gbif-pages-max-size}. Renders are counted
 * ({@link TemplateRenders}) and time moves on the {@link TestTicker} only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "portal.cache.revision-poll=1h",
        "portal.gbif.cache-ttl=10s", "portal.gbif.breaker.minimum-calls=1000", "portal.gbif.title-wait=5s",
        "portal.cache.gbif-pages-max-size=200KB" })
@AutoConfigureWebTestClient
@Import({ TestTicker.Config.class, TemplateRenders.Config.class })
class GbifPageCacheTests {

    private static final String SEARCH = "/v1/occurrence/search?country=BE&" + OCCURRENCE_FACETS
            + "&limit=20&occurrenceStatus=PRESENT&offset=0";

    static final ProviderStub gbif = GbifStub.start();
    static final ProviderStub content = ProviderStub.start();
    static final ChangeFeed feed = new ChangeFeed(content);

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        GbifStub.providers(registry, gbif, content);
    }

    @AfterAll
    static void stop() {
        gbif.close();
        content.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    TestTicker ticker;

    @Autowired
    TemplateRenders renders;

    @Autowired
    ContentChanges changes;

    @Autowired
    PageCache cache;

    @BeforeEach
    void nothingKeptAndAKnownRevision() {
        ticker.advance(Duration.ofDays(2));
        feed.publish(changes);
    }

    @AfterEach
    void healthy() {
        gbif.healthy();
    }

    @Test
    void aSearchIsRenderedOnceAndItsCopyServedForEverySpellingOfItsQuery() {
        String first = get("/nl/occurrence/search?country=BE");
        long rendered = renders.count();
        long asked = asked(SEARCH);
        for (String same : new String[] { "/nl/occurrence/search?country=BE",
                "/nl/occurrence/search?country=BE&country=BE", "/nl/occurrence/search?&country=BE&q=",
                "/nl/occurrence/search/?country=+BE" }) {
            assertThat(get(same)).as(same).isEqualTo(first);
        }
        assertThat(renders.count()).as("no template rendered again").isEqualTo(rendered);
        assertThat(asked(SEARCH)).isEqualTo(asked);
        web.get().uri("/nl/occurrence/search?country=BE").exchange().expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
            .expectHeader().doesNotExist(PageCacheFilter.KEEP_UNTIL)
            .expectHeader().doesNotExist(PageCacheFilter.KEEP_QUERY);
    }

    @Test
    void differentQueriesAndLanguagesDoNotShareACopy() {
        String first = get("/nl/occurrence/search?country=BE");
        assertThat(get("/nl/occurrence/search?country=BE&offset=20")).isNotEqualTo(first)
            .contains("Resultaten 21–");
        assertThat(get("/occurrence/search?country=BE")).isNotEqualTo(first).contains("<html lang=\"en\">");
        long rendered = renders.count();
        get("/nl/occurrence/search?country=BE&offset=20");
        get("/occurrence/search?country=BE");
        assertThat(renders.count()).as("each kept on its own").isEqualTo(rendered);
    }

    @Test
    void aQueryThatSaysMoreOrOtherThanThePageUsedIsRenderedEveryTime() {
        for (String path : new String[] { "/occurrence/search?country=BE&view=MAP",
                "/occurrence/search?country=BE&offset=0", "/occurrence/search?country=FR" }) {
            get(path);
            long rendered = renders.count();
            get(path);
            assertThat(renders.count()).as(path).isGreaterThan(rendered);
        }
    }

    @Test
    void aChangeOfTheSiteRendersTheSearchAgainFromTheKeptAnswer() {
        get("/occurrence/search?country=BE");
        long rendered = renders.count();
        long asked = asked(SEARCH);
        feed.publish(changes, "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/other\"}");
        get("/occurrence/search?country=BE");
        assertThat(renders.count()).as("its menus and footer may have changed").isGreaterThan(rendered);
        assertThat(asked(SEARCH)).as("GBIF's answer is still fresh").isEqualTo(asked);
    }

    @Test
    void theCopyIsRenderedAgainWhenItsGbifAnswerIsNoLongerFresh() {
        get("/occurrence/search?country=BE");
        long rendered = renders.count();
        long asked = asked(SEARCH);
        ticker.advance(Duration.ofSeconds(9));
        feed.publish(changes);
        get("/occurrence/search?country=BE");
        assertThat(renders.count()).isEqualTo(rendered);
        ticker.advance(Duration.ofSeconds(2));
        feed.publish(changes);
        get("/occurrence/search?country=BE");
        assertThat(renders.count()).isGreaterThan(rendered);
        assertThat(asked(SEARCH)).as("asked again, as the answer's life is over").isEqualTo(asked + 1);
    }

    @Test
    void aNoticeOrALastGoodAnswerIsNeverKept() {
        get("/occurrence/search?country=BE");
        ticker.advance(Duration.ofSeconds(11));
        feed.publish(changes);
        gbif.goDown();
        web.get().uri("/occurrence/search?country=BE").exchange().expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=0, stale-if-error=900")
            .expectBody(String.class).value(html -> assertThat(html).contains("shown as GBIF answered on"));
        long rendered = renders.count();
        get("/occurrence/search?country=BE");
        assertThat(renders.count()).as("the last good answer, rendered each time").isGreaterThan(rendered);
        gbif.healthy();
        assertThat(get("/occurrence/search?country=BE")).doesNotContain("shown as GBIF answered on");

        assertThat(get("/occurrence/search?country=BE&q=nowhere")).as("GBIF has no answer for it (404)")
            .contains("GBIF.org cannot be reached just now");
        rendered = renders.count();
        get("/occurrence/search?country=BE&q=nowhere");
        assertThat(renders.count()).isGreaterThan(rendered);
    }

    @Test
    void aRecordPageIsKeptAsASearchIsApartFromThePagesOfTheSite() {
        String first = get("/fr/occurrence/142316497");
        long rendered = renders.count();
        assertThat(get("/fr/occurrence/142316497")).isEqualTo(first);
        assertThat(renders.count()).isEqualTo(rendered);
        assertThat(cache.get("/fr/occurrence/142316497")).as("not among the site's pages").isNull();
        get("/fr/occurrence/142316497?utm_source=x");
        assertThat(renders.count()).as("a query it does not read: not kept").isGreaterThan(rendered);
    }

    @Test
    void theKeptSearchesNeverWeighMoreThanTheirBoundNorPushOutOtherPages() {
        get("/privacy");
        assertThat(cache.get("/privacy")).isNotNull();
        String answer = ProviderStub.read("gbif/occurrence-search.json");
        for (int i = 0; i < 40; i++) {
            gbif.respond("/v1/occurrence/search?country=BE&" + OCCURRENCE_FACETS
                    + "&limit=20&occurrenceStatus=PRESENT&offset=0&q=page" + i, 200, "application/json", answer);
            get("/occurrence/search?country=BE&q=page" + i);
        }
        assertThat(cache.timedSize()).as("some searches kept").isPositive().isLessThan(40);
        assertThat(cache.timedBytes()).isLessThanOrEqualTo(200 * 1024);
        assertThat(cache.get("/privacy")).as("a page without a query stays").isNotNull();
    }

    private String get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    private long asked(String request) {
        return gbif.requests().stream().filter(request::equals).count();
    }
}
