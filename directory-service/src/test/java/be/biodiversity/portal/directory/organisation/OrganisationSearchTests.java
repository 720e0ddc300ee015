package be.biodiversity.portal.directory.organisation;

import java.time.Duration;
import java.util.List;

import be.biodiversity.portal.directory.seed.OrganisationSeeder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Searching the seeded directory through the API. Same configuration as {@code OrganisationApiTests}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=" + OrganisationApiTests.TOKEN)
@AutoConfigureWebTestClient
class OrganisationSearchTests {

    static final String API = "/api/directory/v1/organisations";

    @Autowired
    WebTestClient client;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    OrganisationSeeder seeder;

    @Autowired
    OrganisationService organisations;

    @BeforeEach
    void startFromTheSeed() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk());
        repository.deleteAll().then(seeder.seed()).then(organisations.reindex()).block();
    }

    @ParameterizedTest
    @CsvSource({ "meise, meise-botanic-garden", "plantentuin, meise-botanic-garden", "musée, rmca",
            "MUSEE, rmca", "natuurwetenschappen, rbins", "natuurweten, rbins", "jardin botanique, meise-botanic-garden",
            "liège, uliege", "liege univ, uliege", "GBIF, gbif", "royal museum, rmca", "royal, rbins",
            "inbo, inbo", "bosonderzoek, inbo", "zee, vliz", "information facility, gbif",
            "biodiversity information, tdwg",
            "Bruxelles environnement, brussels-environment", "ipbes, ipbes" })
    void theRightOrganisationComesFirst(String q, String slug) {
        client.get().uri(uri -> uri.path(API).queryParam("q", q).build()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.results[0].slug").isEqualTo(slug);
    }

    @Test
    void everyWordMustMatchTheBeginningOfAWord() {
        // IUCN is "Internationale Unie voor Natuurbehoud" in Dutch; INBO has the whole word "Natuur".
        expectSlugs("q=natuur", "natuurpunt", "inbo", "iucn", "rbins");
        expectSlugs("q=gent", "ugent");
        expectSlugs("q=ent");
        expectSlugs("q=royal garden");
        expectSlugs("q=  ", "bccm", "biodiversa-plus", "tdwg", "brussels-environment", "catalogue-of-life", "demna",
                "dissco", "ebird", "elixir", "europabon", "vliz", "ugent", "gbif", "go-fair", "inaturalist", "ipbes",
                "iucn", "meise-botanic-garden", "natuurpunt", "inbo", "rbins", "rmca", "ulb", "uliege");
    }

    @Test
    void facetsCountTheQueryWithEveryOtherFilter() {
        client.get().uri(API + "?role=MEMBER&facet=role&facet=type,country&limit=0").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(12)
                .jsonPath("$.results").isEmpty()
                .jsonPath("$.facets[?(@.field=='ROLE')].counts[*].name").isEqualTo(List.of("MEMBER", "PARTNER"))
                .jsonPath("$.facets[?(@.field=='ROLE')].counts[*].count").isEqualTo(List.of(12, 12))
                .jsonPath("$.facets[?(@.field=='TYPE')].counts[*].name").isEqualTo(List.of("FEDERAL_INSTITUTE",
                        "REGIONAL_AUTHORITY", "UNIVERSITY", "MUSEUM_OR_BOTANIC_GARDEN", "NGO", "OTHER"))
                .jsonPath("$.facets[?(@.field=='TYPE')].counts[*].count").isEqualTo(List.of(3, 3, 3, 1, 1, 1))
                .jsonPath("$.facets[?(@.field=='COUNTRY')].counts[*].name").isEqualTo(List.of("BE"));
        client.get().uri(API + "?q=univ&facet=type").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.facets[0].counts[*].name").isEqualTo(List.of("UNIVERSITY"))
                .jsonPath("$.facets[0].counts[*].count").isEqualTo(List.of(3));
        client.get().uri(API + "?role=MEMBER").exchange().expectBody().jsonPath("$.facets").doesNotExist();
    }

    @Test
    void pagingEdgesOfASearch() {
        expectSlugs("q=natuur&offset=1&limit=1", "inbo");
        client.get().uri(API + "?q=natuur&offset=3&limit=1").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(4)
                .jsonPath("$.endOfRecords").isEqualTo(true)
                .jsonPath("$.results[*].slug").isEqualTo(List.of("rbins"));
        client.get().uri(API + "?q=natuur&offset=2&limit=1").exchange().expectBody()
                .jsonPath("$.endOfRecords").isEqualTo(false);
        client.get().uri(API + "?q=natuur&offset=4").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(4)
                .jsonPath("$.endOfRecords").isEqualTo(true)
                .jsonPath("$.results").isEmpty();
        client.get().uri(API + "?q=natuur&limit=0").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(4)
                .jsonPath("$.endOfRecords").isEqualTo(false);
    }

    @Test
    void sortsByNameOrByDatasetCount() {
        expectSlugs("q=natuur&sort=name", "iucn", "natuurpunt", "inbo", "rbins");
        Organisation rbins = repository.findBySlug("rbins").block();
        RegistryData data = new RegistryData("RBINS", null, null, null, null, null, null, null, "Brussels", null,
                null, "BE", null, null, null, true, 40, null, null, null, null);
        repository.save(rbins.withRegistry(data, rbins.modifiedAt())).then(organisations.reindex()).block();
        expectSlugs("q=natuur&sort=datasets", "rbins", "iucn", "natuurpunt", "inbo");
        expectSlugs("role=member&endorsed=true", "rbins");
        // A name beats a city: Brussels Environment by its name, then RBINS by its registry city.
        expectSlugs("q=brussels&sort=relevance", "brussels-environment", "rbins");
    }

    @Test
    void badSearchParametersAreNamed() {
        expectProblem("sort=popularity", "sort");
        expectProblem("facet=colour", "facet");
        expectProblem("endorsed=maybe", "endorsed");
        expectProblem("q=" + "x".repeat(201), "q");
        expectProblem("limit=5000", "limit");
        expectProblem("offset=x", "offset");
    }

    @Test
    void harvestingIsOffByDefault() {
        client.post().uri("/api/directory/v1/imports/registry/harvest")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OrganisationApiTests.TOKEN).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(containsString("portal.registry.enabled"));
    }

    private void expectSlugs(String query, String... slugs) {
        client.get().uri(API + "?" + query + (query.contains("limit=") ? "" : "&limit=100")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.results[*].slug").isEqualTo(List.of(slugs));
    }

    private void expectProblem(String query, String field) {
        client.get().uri(API + "?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }
}
