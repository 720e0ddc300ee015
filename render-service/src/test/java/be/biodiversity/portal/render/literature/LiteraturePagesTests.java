package be.biodiversity.portal.render.literature;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/** The literature search and record pages, against content-service's documented JSON examples. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class LiteraturePagesTests {

    private static final String API = "/api/content/v1/literature";
    private static final String HOSTILE = "\"><script>alert(1)</script>";

    static final ProviderStub content = ProviderStub.start()
        .json(API + "?limit=20&offset=0&topics=FRESHWATER", "contracts/content/literature-search.json")
        .json(API + "?limit=20&offset=0&q=fish&topics=FRESHWATER", "contracts/content/literature-search.json")
        .json(API + "?limit=20&offset=0", "contracts/content/literature-search.json")
        .json(API + "?countriesOfCoverage=BE&limit=20&offset=0", "contracts/content/literature-search.json")
        .json(API + "/b1f0c1e2-0005-4a00-9000-000000000005", "contracts/content/literature-record.json")
        .json(API + "/b1f0c1e2-0009-4a00-9000-000000000009", "contracts/content/literature-record-sample.json")
        .respond(API + "?limit=20&literatureType=NOVEL&offset=0", 400, "application/problem+json",
                "{\"status\":400,\"field\":\"literatureType\",\"detail\":\"literatureType: 'NOVEL' is not a type\"}");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", content::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterEach
    void healthy() {
        content.healthy();
    }

    @AfterAll
    static void stop() {
        content.close();
    }

    @Test
    void theDutchSearchPageListsResultsAndFacets() {
        String html = get("/nl/literature/search?topics=FRESHWATER", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"nl\">", "<h1>Literatuur</h1>", "Publicaties 1–2 van 2",
                "Occupancy trends of freshwater fish in Flemish rivers", "An Peeters, Jonas Maes",
                "href=\"/nl/literature/b1f0c1e2-0001-4a00-9000-000000000001\"", "Zoetwater", "Ecologie",
                "Bestudeerde landen");
        assertThat(html).as("the chosen filter is marked and its link removes it")
            .contains("aria-current=\"true\"")
            .contains("href=\"/nl/literature/search\"");
        assertThat(html).as("another value is added to the current search")
            .contains("href=\"/nl/literature/search?topics=FRESHWATER&amp;topics=ECOLOGY\"");
        assertThat(html).as("the text form keeps the chosen filters")
            .contains("<input type=\"hidden\" name=\"topics\" value=\"FRESHWATER\">");
        assertThat(html).as("the language switch keeps the search")
            .contains("href=\"/fr/literature/search?topics=FRESHWATER\"")
            .contains("href=\"/literature/search?topics=FRESHWATER\"");
    }

    @Test
    void theSearchIsPassedToContentService() {
        get("/literature/search?q=fish&topics=FRESHWATER&ignored=x", HttpStatus.OK);
        assertThat(content.requests()).contains(API + "?limit=20&offset=0&q=fish&topics=FRESHWATER");
    }

    @Test
    void aSearchContentServiceRefusesIsExplained() {
        String html = get("/literature/search?literatureType=NOVEL", HttpStatus.BAD_REQUEST);
        assertThat(html).contains("This search cannot be run: literatureType: &#39;NOVEL&#39; is not a type");
    }

    @Test
    void aRecordPageShowsTheRecordInTheVisitorsLanguage() {
        String html = get("/fr/literature/b1f0c1e2-0005-4a00-9000-000000000005", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"fr\">",
                "<h1>Modélisation de la répartition des chauves-souris en Wallonie</h1>", "Mathieu Renard",
                "Thèse ou mémoire", "Répartition des espèces", "<dd>Non</dd>",
                "href=\"https://doi.org/10.5555/gbif-be-sample.5\"",
                "href=\"https://www.gbif.org/occurrence/download/0000005-240101000000000\"",
                "href=\"/fr/literature/search\"");
        assertThat(html).as("only web links are linked").doesNotContain("javascript:");
    }

    @Test
    void aSampleRecordSaysSoAndLinksNoDoiOrWebsiteAsIfReal() {
        String html = get("/nl/literature/b1f0c1e2-0009-4a00-9000-000000000009", HttpStatus.OK);
        assertThat(html).contains("class=\"notice sample-record\"", "Een verzonnen voorbeeldrecord, geen echte publicatie");
        assertThat(html).doesNotContain("href=\"https://doi.org/", "rel=\"external noopener\" th:text", "Websites</h2>")
                .doesNotContain("<h2 id=\"websites-heading\"");
    }

    @Test
    void unknownRecordsAndLanguagesAreNotFound() {
        assertThat(get("/nl/literature/nothing-here", HttpStatus.NOT_FOUND)).contains("Pagina niet gevonden");
        get("/xx/literature/search", HttpStatus.NOT_FOUND);
    }

    @Test
    void withoutContentServiceTheSearchIsUnavailable() {
        content.goDown();
        assertThat(get("/fr/literature/search", HttpStatus.SERVICE_UNAVAILABLE)).contains("<html lang=\"fr\">");
    }

    @Test
    void aHostileQueryIsShownAsText() {
        content.json(API + "?limit=20&offset=0&q=" + HOSTILE, "contracts/content/literature-search.json");
        String html = web.get().uri(b -> b.path("/literature/search").queryParam("q", "{q}")
                .build(HOSTILE)).exchange()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    /** Issue 18#7: a filter value repeated 170 times made a page 48 times its size. */
    @Test
    void aRepeatedFilterValueCountsOnceInTheSearchAndInEveryLink() {
        String once = get("/literature/search?countriesOfCoverage=BE", HttpStatus.OK);
        String repeated = get("/literature/search?" + "countriesOfCoverage=BE&".repeat(150) + "countriesOfCoverage=+&"
                + "countriesOfCoverage=" + "X".repeat(250), HttpStatus.OK);
        assertThat(repeated).isEqualTo(once);
        assertThat(content.requests().stream().filter(r -> r.startsWith(API + "?")).toList()).last().isEqualTo(API + "?countriesOfCoverage=BE&limit=20&offset=0");
        assertThat(once).doesNotContain("countriesOfCoverage=BE&amp;countriesOfCoverage=BE");
    }

    @Test
    void manyDifferentValuesAreCapped() {
        StringBuilder query = new StringBuilder("q=a");
        for (int i = 0; i < 50; i++) {
            query.append("&topics=T").append(i);
        }
        web.get().uri("/literature/search?" + query).exchange();
        List<String> searches = content.requests().stream().filter(r -> r.startsWith(API + "?")).toList();
        String asked = searches.get(searches.size() - 1);
        assertThat(asked.split("topics=", -1)).as("ten topics passed on").hasSize(11);
    }

    private String get(String uri, HttpStatus status) {
        return web.get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody(String.class)
            .returnResult().getResponseBody();
    }
}
