package be.biodiversity.portal.render.publisher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher search and publisher pages, against directory-service's documented JSON examples. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class PublisherPagesTests {

    private static final String API = "/api/directory/v1/organisations";
    private static final String FACETS = "facet=role&facet=type&facet=country";

    static final ProviderStub directory = ProviderStub.start()
        .json(API + "?" + FACETS + "&limit=20&offset=0", "contracts/directory/organisations-search.json")
        .json(API + "?" + FACETS + "&limit=20&offset=0&role=MEMBER", "contracts/directory/organisations-search.json")
        .json(API + "?" + FACETS + "&limit=20&offset=0&q=natuur", "contracts/directory/organisations-search.json")
        .json(API + "?" + FACETS + "&country=BE&limit=20&offset=0", "contracts/directory/organisations-search.json")
        .json(API + "/31bde907-54e0-36d2-9c71-172b30357686", "contracts/directory/organisation-rbins.json")
        .respond(API + "?" + FACETS + "&limit=20&offset=0&type=CASTLE", 400, "application/problem+json",
                "{\"status\":400,\"field\":\"type\",\"detail\":\"type: 'CASTLE' is not a type\"}");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.directory.url", directory::baseUrl);
        registry.add("portal.content.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterEach
    void healthy() {
        directory.healthy();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void theSearchListsPublishersInTheVisitorsLanguageWithFacets() {
        String html = get("/nl/publisher/search?role=MEMBER", 200);
        assertThat(html).contains("<h1>Datapublicisten</h1>", "Organisaties 1–2 van 2",
                "<a href=\"/nl/publisher/31bde907-54e0-36d2-9c71-172b30357686\" class=\"title\">Koninklijk Belgisch Instituut voor Natuurwetenschappen</a>",
                "Federale instelling", "België", "58 datasets", "Lid", "Niet-gouvernementele organisatie",
                "<input type=\"hidden\" name=\"role\" value=\"MEMBER\">",
                "href=\"/nl/publisher/search?role=MEMBER&amp;type=NGO\"",
                "href=\"/fr/publisher/search?role=MEMBER\"");
    }

    @Test
    void theQueryAndFiltersArePassedToDirectoryService() {
        get("/publisher/search?q=natuur&ignored=1", 200);
        assertThat(directory.requests()).contains(API + "?" + FACETS + "&limit=20&offset=0&q=natuur");
    }

    @Test
    void aRefusedSearchIsExplained() {
        assertThat(get("/publisher/search?type=CASTLE", 400)).contains("This search cannot be run");
    }

    @Test
    void aPublisherPageShowsWhatTheDirectoryKnows() {
        String html = get("/fr/publisher/31bde907-54e0-36d2-9c71-172b30357686", 200);
        assertThat(html).contains("<html lang=\"fr\">", "Institut royal des Sciences naturelles de Belgique",
                "(RBINS)", "<strong>natural history</strong>", "Membre, Éditeur de données",
                "Institution fédérale", "Vautierstraat 29", "1000 Brussel", "Belgique",
                "mailto:info@naturalsciences.be", "An Onderzoeker", "(Data manager)",
                "https://www.gbif.org/dataset/search?publishing_org=31bde907-54e0-36d2-9c71-172b30357686",
                "https://www.gbif.org/occurrence/search?publishing_org=31bde907-54e0-36d2-9c71-172b30357686",
                "href=\"/fr/publisher/search\"");
    }

    @Test
    void unknownPublishersAreNotFoundAndAnOutageIsSaid() {
        assertThat(get("/nl/publisher/00000000-0000-0000-0000-000000000000", 404)).contains("Pagina niet gevonden");
        directory.goDown();
        assertThat(get("/nl/publisher/search", 503)).contains("tijdelijk niet beschikbaar");
    }

    @Test
    void aRepeatedFilterValueCountsOnceInTheSearchAndInEveryLink() {
        String once = get("/publisher/search?country=BE", 200);
        assertThat(get("/publisher/search?" + "country=BE&".repeat(170), 200)).isEqualTo(once);
        assertThat(directory.requests().stream().filter(r -> r.startsWith(API + "?")).toList()).last()
            .isEqualTo(API + "?country=BE&" + FACETS + "&limit=20&offset=0");
        assertThat(once).doesNotContain("country=BE&amp;country=BE");
    }

    private String get(String uri, int status) {
        return web.get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
            .getResponseBody();
    }
}
