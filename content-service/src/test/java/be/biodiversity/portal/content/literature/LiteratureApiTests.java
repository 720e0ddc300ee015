package be.biodiversity.portal.content.literature;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import be.biodiversity.portal.content.revision.SiteRevision;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class LiteratureApiTests {

    private static final String TOKEN = "Bearer test-editor-secret";
    private static final String SEARCH = "/api/content/v1/literature";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    LiteratureImport importer;

    @Autowired
    ReactiveLiteratureLookup lookup;

    @Autowired
    JsonMapper json;

    @Autowired
    SiteRevision siteRevision;

    @Autowired
    LiteratureIndex index;

    @BeforeEach
    void sampleOnly() throws Exception {
        mongo.dropCollection("literature").block();
        try (InputStream in = new ClassPathResource(LiteratureStartupImport.SAMPLE).getInputStream()) {
            importer.run(json.readValue(in, LiteratureImport.Upload.class)).block();
        }
        // The collection was dropped behind the index's back: its change event reloads it a moment later; now, here.
        index.reload().block();
    }

    @Test
    void listsEverythingNewestFirstWithTheTotal() {
        web.get().uri(SEARCH).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(8)
                .jsonPath("$.endOfRecords").isEqualTo(true)
                .jsonPath("$.results[0].year").isEqualTo(2024)
                .jsonPath("$.results[7].year").isEqualTo(2019);
    }

    @ParameterizedTest
    @CsvSource({ "modelisation, b1f0c1e2-0005-4a00-9000-000000000005",
            "CHAUVES-souris wallonie, b1f0c1e2-0005-4a00-9000-000000000005",
            "crayf, b1f0c1e2-0002-4a00-9000-000000000002",
            "peeters, b1f0c1e2-0001-4a00-9000-000000000001",
            "elodie, b1f0c1e2-0003-4a00-9000-000000000003",
            "congo basin, b1f0c1e2-0008-4a00-9000-000000000008" })
    void theTextQueryFoldsAccentsAndMatchesWordPrefixes(String q, String expectedId) {
        web.get().uri(b -> b.path(SEARCH).queryParam("q", q).build()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.results[0].id").isEqualTo(expectedId);
    }

    @Test
    void aQueryThatMatchesNothingFindsNothing() {
        web.get().uri(SEARCH + "?q=xyzzy").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(0).jsonPath("$.results").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "literatureType=THESIS | 1",
            "literatureType=thesis&literatureType=REPORT | 2",
            "topics=FRESHWATER | 2", "countriesOfCoverage=CD | 1", "countriesOfResearcher=BE | 8",
            "openAccess=false | 2", "peerReview=true&openAccess=true | 4", "year=2022 | 2", "year=2022,2023 | 4",
            "year=2023,* | 3", "q=fish&topics=FRESHWATER | 2" })
    void filtersNarrowTheResults(String filter, int expected) {
        web.get().uri(SEARCH + "?" + filter).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(expected)
                .jsonPath("$.results.length()").isEqualTo(expected);
    }

    @Test
    void facetsCountTheCurrentQuery() {
        web.get().uri(SEARCH + "?topics=FRESHWATER").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.facets[?(@.field == 'literatureType')].counts[0].name").isEqualTo("JOURNAL")
                .jsonPath("$.facets[?(@.field == 'literatureType')].counts[0].count").isEqualTo(2)
                .jsonPath("$.facets[?(@.field == 'topics')].counts[0].name").isEqualTo("FRESHWATER")
                .jsonPath("$.facets[?(@.field == 'topics')].counts[0].count").isEqualTo(2)
                .jsonPath("$.facets[?(@.field == 'countriesOfCoverage')].counts.length()").isEqualTo(3)
                .jsonPath("$.facets[?(@.field == 'year')].counts.length()").isEqualTo(2);
    }

    @Test
    void pagesThroughTheResults() {
        web.get().uri(SEARCH + "?limit=3&offset=6").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(8).jsonPath("$.results.length()").isEqualTo(2)
                .jsonPath("$.endOfRecords").isEqualTo(true);
        web.get().uri(SEARCH + "?limit=3&offset=0").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.endOfRecords").isEqualTo(false);
        web.get().uri(SEARCH + "?offset=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(8).jsonPath("$.results").isEmpty();
        web.get().uri(SEARCH + "?limit=0").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(8).jsonPath("$.results").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "literatureType=NOVEL | literatureType", "topics=ASTROLOGY | topics",
            "limit=1001 | limit",
            "limit=-1 | limit", "offset=-5 | offset", "year=recent | year", "year=2024,2020 | year",
            "countriesOfCoverage=Belgium | countriesOfCoverage", "limit=many | limit", "openAccess=maybe | openAccess" })
    void badParametersAreRejectedNamingThem(String parameter, String field) {
        web.get().uri(SEARCH + "?" + parameter).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    @Test
    void anOverlongQueryIsRejected() {
        web.get().uri(b -> b.path(SEARCH).queryParam("q", "a".repeat(201)).build()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("q");
    }

    @Test
    void servesOneRecordInGbifsShape() {
        web.get().uri(SEARCH + "/b1f0c1e2-0004-4a00-9000-000000000004").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").value(t -> assertThat((String) t).startsWith("Marine biodiversity"))
                .jsonPath("$.abstract").value(a -> assertThat((String) a).contains("North Sea"))
                .jsonPath("$.identifiers.doi").isEqualTo("10.5555/gbif-be-sample.4")
                .jsonPath("$.authors[1].lastName").isEqualTo("Claes")
                .jsonPath("$.searchTokens").doesNotExist();
        web.get().uri(SEARCH + "/nothing-here").exchange().expectStatus().isNotFound();
    }

    @Test
    void importsCreateThenLeaveUnchangedThenUpdate() {
        Map<String, Object> record = record("new-1", "Moth light traps in Brussels parks", "JOURNAL");
        upload(List.of(record)).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(1).jsonPath("$.unchanged").isEqualTo(0);
        upload(List.of(record)).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(0).jsonPath("$.unchanged").isEqualTo(1);
        web.get().uri(SEARCH + "/new-1").exchange().expectBody().jsonPath("$.version").isEqualTo(0);

        upload(List.of(record("new-1", "Moth light traps in Brussels and Antwerp parks", "JOURNAL")))
                .expectStatus().isOk().expectBody().jsonPath("$.updated").isEqualTo(1);
        web.get().uri(SEARCH + "?q=antwerp").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(1).jsonPath("$.results[0].version").isEqualTo(1);
    }

    @Test
    void anImportThatChangesSomethingChangesTheSiteRevisionAndOneThatDoesNotLeavesIt() {
        long before = siteRevision.current().block().revision();
        upload(List.of(record("rev-1", "A new paper", "JOURNAL"))).expectStatus().isOk();
        long after = siteRevision.current().block().revision();
        assertThat(after).isGreaterThan(before);
        upload(List.of(record("rev-1", "A new paper", "JOURNAL"))).expectStatus().isOk();
        assertThat(siteRevision.current().block().revision()).isEqualTo(after);
    }

    @Test
    void oneBadRecordRejectsTheWholeImportAndWritesNothing() {
        upload(List.of(record("good-1", "A fine paper", "JOURNAL"), record("bad-1", "A paper", "NOVEL"),
                record("good-1", "Twice", "JOURNAL")))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("results[1].literatureType")
                .jsonPath("$.errors[1].field").isEqualTo("results[2].id")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("nothing was imported"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(8);
    }

    @Test
    void identifierKeysWithDotsAreKeptAsSent() {
        web.post().uri(SEARCH + "/imports").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("results", List.of(Map.of("id", "dotted", "title", "Dotted identifiers",
                        "identifiers", Map.of("doi", "10.5555/dotted", "handle.net", "1234/5")))))
                .exchange().expectStatus().isOk();
        web.get().uri(SEARCH + "/dotted").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.identifiers['handle.net']").isEqualTo("1234/5");
    }

    @Test
    void importsNeedTheEditorTokenAndWellFormedJson() {
        web.post().uri(SEARCH + "/imports").bodyValue(Map.of("results", List.of())).exchange()
                .expectStatus().isUnauthorized();
        web.post().uri(SEARCH + "/imports").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"results\": [ {\"id\": ").exchange()
                .expectStatus().isBadRequest();
        web.post().uri(SEARCH + "/imports").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("records", List.of())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("results");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(8);
    }

    @Test
    void theSampleWhenAskedIsLoadedIntoAnEmptyStoreOnlyOnce() throws Exception {
        mongo.dropCollection("literature").block();
        LiteratureStartupImport startup = new LiteratureStartupImport(importer, lookup,
                new LiteratureProperties(true, null), json, mongo, siteRevision);
        startup.run(null);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(8);
        startup.run(null);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(8);
    }

    private WebTestClient.ResponseSpec upload(List<Map<String, Object>> records) {
        return web.post().uri(SEARCH + "/imports").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("offset", 0, "limit", 20, "endOfRecords", true, "count", records.size(),
                        "results", records))
                .exchange();
    }

    private static Map<String, Object> record(String id, String title, String type) {
        return Map.of("id", id, "title", title, "year", 2025, "literatureType", type, "topics", List.of("ECOLOGY"),
                "countriesOfCoverage", List.of("BE"), "openAccess", true);
    }
}
