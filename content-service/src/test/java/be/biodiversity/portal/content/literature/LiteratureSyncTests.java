package be.biodiversity.portal.content.literature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.content.gbif.GbifApi;
import be.biodiversity.portal.content.gbif.GbifStub;
import be.biodiversity.portal.content.revision.SiteRevision;

import static org.assertj.core.api.Assertions.assertThat;

/** The literature sync against a stub GBIF API serving records of recorded GBIF answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret",
        "spring.mongodb.database=content-literature-sync",
        "portal.content.literature.sync.queries=countriesOfResearcher=BE,countriesOfCoverage=BE",
        "portal.content.literature.sync.page-size=4",
        "portal.content.literature.sync.keep-reports=3",
        "portal.gbif.user-agent=Test portal (literature sync tests)",
        "portal.gbif.retry-backoff=1ms",
        "portal.gbif.response-timeout=500ms",
        "resilience4j.circuitbreaker.instances.gbif.minimum-number-of-calls=1000" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class LiteratureSyncTests {

    static final GbifStub gbif = new GbifStub();
    static final List<JsonNode> BY_BELGIANS = GbifStub.recorded("gbif-api/literature-search.json");
    static final JsonNode ABOUT_BELGIUM = GbifStub.recorded("gbif-api/literature-search-download-key.json").get(0);
    static final String TOKEN = "Bearer test-editor-secret";

    @DynamicPropertySource
    static void gbifApi(DynamicPropertyRegistry registry) {
        registry.add("portal.gbif.api-url", gbif::apiUrl);
    }

    @AfterAll
    static void stopStub() {
        gbif.close();
    }

    @Autowired
    LiteratureSync sync;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    SiteRevision revision;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    LiteratureImport importer;

    @Autowired
    SyncReports reports;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void empty() {
        gbif.reset();
        breakers.circuitBreaker("gbif").reset();
        mongo.dropCollection("literature").block();
        mongo.dropCollection("literatureSyncReports").block();
        // research by Belgian authors, and about Belgium: one record found by both queries
        gbif.serve("countriesOfResearcher=BE", BY_BELGIANS);
        gbif.serve("countriesOfCoverage=BE", List.of(ABOUT_BELGIUM, BY_BELGIANS.get(0)));
    }

    long revision() {
        return revision.current().block().revision();
    }

    @Test
    void storesWhatTheSitesQueriesFindOnceEachPagingWithTheSitesFilter() {
        long before = revision();

        SyncReport report = sync.run("editor").block();

        assertThat(report.status()).isEqualTo(SyncReport.Status.COMPLETE);
        assertThat(report.received()).isEqualTo(7);
        assertThat(report.created()).isEqualTo(7);
        assertThat(report.failed()).isZero();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(7);
        assertThat(gbif.requests()).extracting(GbifStub.Request::filter).containsExactly("countriesOfResearcher=BE",
                "countriesOfResearcher=BE", "countriesOfCoverage=BE");
        assertThat(gbif.requests()).extracting(r -> r.query().getFirst("offset")).containsExactly("0", "4", "0");
        assertThat(gbif.requests()).allSatisfy(r -> assertThat(r.userAgent())
                .isEqualTo("Test portal (literature sync tests)"));
        assertThat(revision()).as("a sync that changed records moves the site revision").isGreaterThan(before);
        web.get().uri("/api/content/v1/changes?since={n}", before).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.changes[0].scope").isEqualTo("site");
        web.get().uri("/api/content/v1/literature/{id}", ABOUT_BELGIUM.path("id").asString()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo(ABOUT_BELGIUM.path("title").asString())
                .jsonPath("$.sample").isEqualTo(false)
                .jsonPath("$.gbifDownloadKey[0]").isEqualTo("0235283-220831081235567")
                .jsonPath("$.origin").doesNotExist();
    }

    @Test
    void aSecondSyncRewritesNothingAndLeavesTheRevision() {
        sync.run("editor").block();
        LiteratureRecord first = mongo.findById(BY_BELGIANS.get(2).path("id").asString(), LiteratureRecord.class).block();
        long before = revision();

        SyncReport again = sync.run("editor").block();

        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(again.created() + again.updated() + again.removed()).isZero();
        assertThat(revision()).isEqualTo(before);
        LiteratureRecord second = mongo.findById(first.id(), LiteratureRecord.class).block();
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(second.modifiedAt()).isEqualTo(first.modifiedAt());
    }

    @Test
    void aRecordChangedAtGbifIsUpdated() {
        sync.run("editor").block();
        List<JsonNode> changed = new ArrayList<>(BY_BELGIANS);
        changed.set(3, GbifStub.with(BY_BELGIANS.get(3), "title", "A corrected title"));
        gbif.serve("countriesOfResearcher=BE", changed);
        long before = revision();

        SyncReport report = sync.run("editor").block();

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(6);
        assertThat(revision()).isGreaterThan(before);
        assertThat(mongo.findById(BY_BELGIANS.get(3).path("id").asString(), LiteratureRecord.class).block().title())
                .isEqualTo("A corrected title");
    }

    @Test
    void aRecordGbifNoLongerListsIsRemovedAfterACompleteSync() {
        sync.run("editor").block();
        gbif.serve("countriesOfResearcher=BE", BY_BELGIANS.subList(0, 5));

        SyncReport report = sync.run("editor").block();

        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(mongo.findById(BY_BELGIANS.get(5).path("id").asString(), LiteratureRecord.class).block()).isNull();
    }

    @Test
    void withRemoveMissingOffARecordGbifNoLongerListsIsKeptAndCounted() {
        sync.run("editor").block();
        gbif.serve("countriesOfResearcher=BE", BY_BELGIANS.subList(0, 5));
        LiteratureSync keeping = new LiteratureSync(gbifApi(), importer, mongo, revision, reports,
                new SyncProperties(List.of("countriesOfResearcher=BE", "countriesOfCoverage=BE"), null, null, 4, null,
                        false, 3), json);

        SyncReport report = keeping.run("editor").block();

        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.removed()).isZero();
        assertThat(report.kept()).isEqualTo(1);
        assertThat(mongo.findById(BY_BELGIANS.get(5).path("id").asString(), LiteratureRecord.class).block()).isNotNull();
    }

    @Autowired
    GbifApi gbifApi;

    GbifApi gbifApi() {
        return gbifApi;
    }

    @Test
    void recordsAnEditorUploadedAreNeitherRemovedNorClaimed() {
        importer.run(new LiteratureImport.Upload(List.of(json.treeToValue(
                GbifStub.with(BY_BELGIANS.get(0), "id", "uploaded-by-an-editor"), LiteratureRecord.class)))).block();

        sync.run("editor").block();

        assertThat(mongo.findById("uploaded-by-an-editor", LiteratureRecord.class).block()).isNotNull();
    }

    @Test
    void aRecordThatCannotBeStoredIsCountedAndTheOthersAreStored() {
        List<JsonNode> oneBad = new ArrayList<>(BY_BELGIANS);
        JsonNode bad = GbifStub.with(BY_BELGIANS.get(1), "literatureType", "NOT_A_TYPE");
        oneBad.set(1, bad);
        gbif.serve("countriesOfResearcher=BE", oneBad);

        SyncReport report = sync.run("editor").block();

        assertThat(report.status()).isEqualTo(SyncReport.Status.COMPLETE);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.created()).isEqualTo(6);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(bad.path("id").asString());
            assertThat(f.field()).isEqualTo("literatureType");
        });
    }

    @Test
    void whenGbifIsDownNothingIsRemovedTheReportSaysSoAndOneWarningIsLoggedPerOutage(CapturedOutput output) {
        sync.run("editor").block();
        gbif.stop();

        SyncReport down = sync.run("editor").block();
        sync.run("schedule").block();

        assertThat(down.status()).isEqualTo(SyncReport.Status.GBIF_UNAVAILABLE);
        assertThat(down.message()).contains("no connection").contains("nothing was removed");
        assertThat(down.removed()).isZero();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(7);
        assertThat(warnings(output)).isEqualTo(1);

        gbif.reset();
        empty();
        sync.run("editor").block();
        gbif.fail(100, 503);
        sync.run("editor").block();
        assertThat(warnings(output)).as("a new outage warns again").isEqualTo(2);
    }

    static long warnings(CapturedOutput output) {
        return output.getAll().lines().filter(l -> l.contains("WARN") && l.contains("Literature sync: GBIF API unavailable"))
                .count();
    }

    @Test
    void aGbifTooSlowToAnswerIsAnOutageThatRemovesNothing() {
        sync.run("editor").block();
        gbif.serve("countriesOfResearcher=BE", BY_BELGIANS.subList(0, 5));
        gbif.serve("countriesOfCoverage=BE", List.of());
        gbif.slow(Duration.ofSeconds(30));

        SyncReport report = sync.run("editor").block();

        assertThat(report.status()).isEqualTo(SyncReport.Status.GBIF_UNAVAILABLE);
        assertThat(report.message()).contains("no answer within");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(7);
    }

    @Test
    void aQueryGbifRefusesIsReportedAndRemovesNothing() {
        sync.run("editor").block();
        gbif.fail(1, 400);

        SyncReport report = sync.run("editor").block();

        assertThat(report.status()).isEqualTo(SyncReport.Status.GBIF_REFUSED);
        assertThat(report.message()).contains("400");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literature").block())
                .isEqualTo(7);
    }

    @Test
    void editorsRunTheSyncAndReadTheNewestReports() {
        web.post().uri("/api/content/v1/literature/sync").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/content/v1/literature/sync/reports").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/content/v1/literature/sync/reports").header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
                .exchange().expectStatus().isUnauthorized();

        for (int i = 0; i < 4; i++) {
            web.post().uri("/api/content/v1/literature/sync").header(HttpHeaders.AUTHORIZATION, TOKEN).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("COMPLETE")
                    .jsonPath("$.trigger").isEqualTo("editor")
                    .jsonPath("$.received").isEqualTo(7)
                    .jsonPath("$.created").isEqualTo(i == 0 ? 7 : 0);
        }

        web.get().uri("/api/content/v1/literature/sync/reports").header(HttpHeaders.AUTHORIZATION, TOKEN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].unchanged").isEqualTo(7)
                .jsonPath("$[2].unchanged").isEqualTo(7);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "literatureSyncReports").block())
                .as("only the newest keep-reports are kept").isEqualTo(3);
        web.get().uri("/api/content/v1/literature/sync/reports?limit=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("limit");
    }

    @Test
    void aSecondSyncWhileOneRunsIsAConflict() {
        gbif.slow(Duration.ofSeconds(30));
        Disposable first = sync.run("schedule").subscribe();
        try {
            web.post().uri("/api/content/v1/literature/sync").header(HttpHeaders.AUTHORIZATION, TOKEN).exchange()
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(detail ->
                            assertThat(detail.toString()).contains("already running"));
        }
        finally {
            first.dispose();
            sync.current().block(Duration.ofSeconds(30)); // GBIF_UNAVAILABLE after the response timeout
        }
    }

    @Test
    void aSyncWhoseCallerGoesAwayRunsToItsEndAndIsReported() {
        sync.run("editor").subscribe().dispose();

        SyncReport report = sync.current().block(Duration.ofSeconds(30)); // would never come if the sync stopped

        assertThat(report.status()).isEqualTo(SyncReport.Status.COMPLETE);
        assertThat(report.created()).isEqualTo(7);
        assertThat(reports.newest("default", 5).collectList().block()).singleElement()
                .satisfies(saved -> assertThat(saved.created()).isEqualTo(7));
    }
}
