package be.biodiversity.portal.render.gbif;

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

import static be.biodiversity.portal.render.gbif.GbifStub.COLLECTION_KEY;
import static be.biodiversity.portal.render.gbif.GbifStub.DATASET_KEY;
import static be.biodiversity.portal.render.gbif.GbifStub.OCCURRENCE_FACETS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The occurrence, dataset and collection pages against a stub GBIF API: filters, facets, paging, record pages, and
 * what a visitor sees when GBIF is slow, refuses, fails or is gone (always a page, never a 5xx, never invented data).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "portal.cache.enabled=false",
        "portal.gbif.response-timeout=2s", "portal.gbif.breaker.minimum-calls=1000",
        // the titles of facet values: long enough for a busy build machine (the page waits 150 ms by default)
        "portal.gbif.title-wait=5s" })
@AutoConfigureWebTestClient
@Import(TestTicker.Config.class)
class GbifPagesTests {

    static final ProviderStub gbif = GbifStub.start();
    static final ProviderStub content = ProviderStub.start();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        GbifStub.providers(registry, gbif, content);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    TestTicker ticker;

    @BeforeEach
    void forgetEverything() {
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
    void theMenusDataAboutBelgiumIsAnOccurrenceSearchWithFacetsPagingAndAMap() {
        String html = get("/nl/occurrence/search?country=BE&view=MAP", 200);
        assertThat(html).contains("<html lang=\"nl\">", "<h1>Waarnemingen</h1>", "Resultaten 1–2 van 1.979",
                "<meta name=\"robots\" content=\"noindex\">",
                "<link rel=\"canonical\" href=\"http://localhost:8080/nl/occurrence/search?country=BE\">",
                ">Favolus Fr.</a>", "href=\"/nl/occurrence/4940926623\"", "Menselijke waarneming",
                "href=\"/nl/occurrence/search?country=BE&amp;basisOfRecord=HUMAN_OBSERVATION\"",
                "href=\"/nl/occurrence/search?country=BE&amp;offset=20\" rel=\"next\"",
                "https://api.gbif.org/v2/map/occurrence/density/6/32/21@1x.png?srs=EPSG:3857",
                "href=\"/fr/occurrence/search?country=BE\"",
                "href=\"https://www.gbif.org/occurrence/search?occurrence_status=PRESENT&amp;country=BE\"");
        assertThat(html).as("a dataset facet is labelled with the dataset's title from GBIF")
                .contains("Taxonomic relationship between Amolops");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void theFiltersAreSentToGbifWithTheSitesFilter() {
        get("/occurrence/search?q=Favolus&year=2024&basisOfRecord=HUMAN_OBSERVATION&ignored=x", 200);
        assertThat(gbif.requests()).contains("/v1/occurrence/search?basisOfRecord=HUMAN_OBSERVATION&country=BE&"
                + OCCURRENCE_FACETS + "&limit=20&occurrenceStatus=PRESENT&offset=0&q=Favolus&year=2024");
    }

    @Test
    void aSearchOutsideTheSitesScopeIsBroughtBackIntoIt() {
        get("/occurrence/search?country=FR", 200);
        get("/occurrence/search?publishingCountry=BE", 200);
        assertThat(gbif.requests()).contains(
                "/v1/occurrence/search?country=BE&" + OCCURRENCE_FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=0",
                "/v1/occurrence/search?" + OCCURRENCE_FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=0&publishingCountry=BE");
        assertThat(gbif.requests()).noneMatch(r -> r.contains("country=FR"));
    }

    @Test
    void aBadFilterIsA400NamingItAndGbifIsNotAsked() {
        int before = gbif.requests().size();
        String html = get("/occurrence/search?year=19x9", 400);
        assertThat(html).contains("This search cannot be run: year: &#39;19x9&#39;");
        assertThat(gbif.requests()).hasSize(before);
    }

    @Test
    void aSearchGbifRefusesIsA400WithItsReason() {
        gbif.respond("/v1/occurrence/search?country=BE&" + OCCURRENCE_FACETS
                + "&limit=20&occurrenceStatus=PRESENT&offset=0&taxonKey=1", 400, "text/plain", "No such taxon");
        assertThat(get("/occurrence/search?taxonKey=1", 400)).contains("No such taxon");
    }

    @Test
    void oddQueriesAreNeverA500() {
        for (String path : new String[] { "/occurrence/search?q={x}", "/occurrence/search?q=%3Cscript%3E",
                "/dataset/search?q={", "/occurrence/search?offset=-5", "/occurrence/search?offset=99999999999999999999",
                "/collection/search?q=%7D%7B", "/institution/search?offset=abc" }) {
            web.get().uri(path.replace("{", "%7B").replace("}", "%7D")).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isLessThan(500));
        }
    }

    @Test
    void withGbifGoneTheSearchIsA200WithANoticeAndTheSameSearchOnGbifOrg() {
        gbif.goDown();
        String html = get("/occurrence/search?country=BE", 200);
        assertThat(html).contains("GBIF.org cannot be reached just now",
                "href=\"https://www.gbif.org/occurrence/search?occurrence_status=PRESENT&amp;country=BE\"");
        assertThat(html).doesNotContain("Resultaten", "Results 1", "Favolus");
    }

    @Test
    void aSlowOrFailingGbifGivesTheNoticeToo() {
        gbif.delayBy(Duration.ofSeconds(5));
        assertThat(get("/dataset/search", 200)).contains("GBIF.org cannot be reached just now");
        gbif.healthy();
        gbif.failWith(503);
        assertThat(get("/collection/search", 200)).contains("GBIF.org cannot be reached just now",
                "https://www.gbif.org/grscicoll/collection/search?country=BE&amp;active=true");
    }

    @Test
    void withGbifGoneTheLastGoodAnswerIsShownWithItsTime() {
        get("/occurrence/search?country=BE", 200);
        ticker.advance(Duration.ofMinutes(30));
        gbif.goDown();
        String html = get("/occurrence/search?country=BE", 200);
        assertThat(html).contains("shown as GBIF answered on", "UTC", ">Favolus Fr.</a>");
    }

    @Test
    void aSearchIsAnsweredFromTheCacheTheSecondTime() {
        get("/occurrence/search?publishingCountry=BE", 200);
        int after = gbif.requests().size();
        get("/occurrence/search?publishingCountry=BE", 200);
        assertThat(gbif.requests()).hasSize(after);
    }

    @Test
    void anOccurrenceHasItsPageAndAnUnknownOneIsA404() {
        String html = get("/fr/occurrence/142316497", 200);
        assertThat(html).contains("<html lang=\"fr\">", "<h1>Ballota acetabulosa (L.) Benth.</h1>",
                "Type d&#39;enregistrement", "href=\"/fr/dataset/8575f23e-f762-11e1-a439-00145eb45e9a\"",
                "<link rel=\"canonical\" href=\"http://localhost:8080/occurrence/142316497\">",
                "href=\"https://www.gbif.org/occurrence/142316497\"");
        get("/occurrence/999", 404);
        get("/occurrence/not-a-key", 404);
        get("/de/occurrence/142316497", 404);
    }

    @Test
    void withGbifGoneAnOccurrencePageIsA200WithANotice() {
        gbif.goDown();
        assertThat(get("/occurrence/142316497", 200)).contains("GBIF.org cannot be reached just now",
                "href=\"https://www.gbif.org/occurrence/142316497\"");
    }

    @Test
    void aDatasetPageHasItsDescriptionCitationPublisherCountAndDownloadLink() {
        String html = get("/dataset/" + DATASET_KEY, 200);
        assertThat(html).contains("<h1>Taxonomic relationship between Amolops minutus",
                "How to cite", "Li S (2024).", "Cornell Lab of Ornithology",
                "href=\"/occurrence/search?datasetKey=" + DATASET_KEY + "\"", ">2</a>",
                "href=\"https://www.gbif.org/occurrence/download?dataset_key=" + DATASET_KEY + "\"",
                "Download on GBIF.org");
    }

    @Test
    void theDatasetSearchListsTheSitesDatasetsWithFacetsAndEscapesWhatGbifSays() {
        String html = get("/dataset/search", 200);
        assertThat(html).contains("<h1>Datasets</h1>", "Results 1–2 of 2", "href=\"/dataset/" + DATASET_KEY + "\"",
                "Belgian fungi &lt;script&gt;", "123,456", "Checklist",
                "href=\"/dataset/search?type=OCCURRENCE\"");
        assertThat(html).doesNotContain("<script>");
    }

    @Test
    void collectionsAndTheirPagesComeFromGrscicoll() {
        String html = get("/nl/collection/search", 200);
        assertThat(html).contains("<h1>Collecties</h1>", "Herbarium of Meise Botanic Garden",
                "href=\"/nl/collection/" + COLLECTION_KEY + "\"", "4.000.000");
        String record = get("/collection/" + COLLECTION_KEY, 200);
        assertThat(record).contains("<h1>Herbarium of Meise Botanic Garden</h1>", "Nieuwelaan 38, 1860 Meise",
                "href=\"https://www.plantentuinmeise.be\"", "<p>One of the largest herbaria in the world.</p>");
        get("/collection/" + "00000000-0000-0000-0000-000000000000", 404);
    }

    private String get(String path, int status) {
        return web.get().uri(path).exchange().expectStatus().isEqualTo(status).expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
