package be.biodiversity.portal.render.compose;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.TestTicker;
import be.biodiversity.portal.render.gbif.GbifStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's headline figures: the stats block's site data names GBIF queries (as GBIF.be's does), and the
 * figures are GBIF's counts in the page's language, each linking to its search; with GBIF gone, a dash and a notice,
 * never a made-up or local number.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "portal.cache.enabled=false",
        "portal.gbif.breaker.minimum-calls=1000" })
@AutoConfigureWebTestClient
@Import(TestTicker.Config.class)
class GbifStatsBlockTests {

    static final ProviderStub gbif = GbifStub.start();

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/samengesteld", "contracts/content/page-nl-composed.json")
        .json("/api/content/v1/data/examples?lang=nl", "gbif/data-examples-stats-nl.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        GbifStub.providers(registry, gbif, content);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    TestTicker ticker;

    @BeforeEach
    void forget() {
        ticker.advance(Duration.ofDays(2));
    }

    @AfterEach
    void healthy() {
        gbif.healthy();
    }

    @AfterAll
    static void stop() {
        gbif.close();
        content.close();
    }

    @Test
    void theFiguresAreGbifsCountsInThePagesLanguageEachLinkingToItsSearch() {
        String html = get();
        assertThat(html).contains(
                "<a href=\"/nl/occurrence/search?country=BE\"><img src=\"/assets/images/icons/occurrenceBE.svg\" alt=\"\" "
                        + "width=\"48\" height=\"48\" loading=\"lazy\"><strong>51.234.567</strong> <span>Gegevens</span></a>",
                "<a href=\"/nl/occurrence/search?publishingCountry=BE\"><img src=\"/assets/images/icons/occurrence.svg\"",
                "<strong>2</strong> <span>Datasets</span></a>");
        assertThat(html).as("a URL outside GBIF's public API is no figure").doesNotContain("Niet van GBIF");
        assertThat(gbif.requests()).contains("/v1/occurrence/search?country=BE&limit=0",
                "/v1/dataset/search?limit=0&publishingCountry=BE");
        assertThat(gbif.requests()).noneMatch(r -> r.contains("evil"));
    }

    @Test
    void withGbifGoneTheFiguresAreDashesWithANotice() {
        gbif.goDown();
        String html = get();
        assertThat(html).contains("<strong>–</strong> <span>Gegevens</span>",
                "GBIF.org is op dit moment niet bereikbaar");
        assertThat(html).doesNotContain("51.234.567");
    }

    @Test
    void withGbifGoneAKeptFigureIsShownWithItsTime() {
        get();
        ticker.advance(Duration.ofHours(1));
        gbif.goDown();
        assertThat(get()).contains("<strong>51.234.567</strong>", "Cijfers van GBIF.org van", "UTC");
    }

    private String get() {
        return web.get().uri("/nl/samengesteld").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
