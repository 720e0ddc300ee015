package be.biodiversity.portal.directory.registry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.biodiversity.portal.directory.gbif.GbifApiStub;
import be.biodiversity.portal.directory.organisation.OrganisationService;
import be.biodiversity.portal.directory.seed.OrganisationSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The publisher sync against a stub GBIF API: the recorded answers of {@code src/test/resources/gbif}, and records
 * in the same shape for the Belgian organisations the portal seeds (the recordings have none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "portal.editor.token=" + RegistrySyncApiTests.TOKEN, "portal.registry.page-size=2",
                "portal.gbif.retries=1", "portal.gbif.retry-backoff=1ms", "portal.gbif.cache-ttl=0s",
                "portal.gbif.breaker.window=1000", "portal.gbif.breaker.minimum-calls=1000", "portal.registry.sync.keep-reports=3",
                "portal.registry.sync.node-key=" + RegistrySyncApiTests.NODE,
                "portal.registry.sync.partners=" + RegistrySyncApiTests.CORNELL,
                "portal.registry.sync.keys.inbo=" + RegistrySyncApiTests.INBO })
@AutoConfigureWebTestClient
class RegistrySyncApiTests {

    static final String TOKEN = "sync-test-token";
    static final String SYNC = "/api/directory/v1/imports/registry/sync";
    static final String ORGANISATIONS = "/api/directory/v1/organisations";
    static final String PEOPLE = "/api/directory/v1/people";
    static final String NODE = "7f1c5a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b";
    static final String CORNELL = "e2e717bf-551a-4917-bdc9-4fa0f342c530";
    static final String ARGOS = "e0b6628a-97c6-4f24-aac4-e20adb43160a";
    static final String MEISE = "1f5b3a2e-7c41-4d8e-9a0b-3c2d1e0f4a51";
    static final String RBINS = "2a6c4b3f-8d52-4e9f-ab1c-4d3e2f1a5b62";
    static final String INBO = "3b7d5c40-9e63-4fa0-bc2d-5e4f3a2b6c73";
    static final String INVALID = "4c8e6d51-af74-4ab1-8d3e-6f5a4b3c7d84";
    static final String MEISE_SEED = seedKey("meise-botanic-garden");
    static final GbifApiStub GBIF = new GbifApiStub();
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The occurrence search's shape with limit=0 and a publishingOrg facet (the numbers are the test's). */
    static final String OCCURRENCE_FACETS = """
            {"offset":0,"limit":0,"endOfRecords":false,"count":17777,"results":[],"facets":[{"field":"PUBLISHING_ORG",
             "counts":[{"name":"%s","count":12000},{"name":"%s","count":5000},{"name":"%s","count":777}]}]}
            """.formatted(RBINS, MEISE, CORNELL);

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OrganisationSeeder seeder;

    @Autowired
    OrganisationService organisations;

    @Autowired
    RegistrySync sync;

    @Autowired
    SyncReports reports;

    @DynamicPropertySource
    static void gbif(DynamicPropertyRegistry properties) {
        properties.add("portal.gbif.api-url", GBIF::apiUrl);
    }

    @AfterAll
    static void stopGbif() {
        GBIF.close();
    }

    @BeforeEach
    void startFromTheSeedWithGbifAnswering() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk());
        backToTheSeed();
        GBIF.down(false);
        List<String> argos = GbifApiStub.results("gbif/organization-page.json").stream()
                .filter(record -> record.contains(ARGOS)).toList();
        GBIF.list("/organization", List.of(
                        like(MEISE, "Meise Botanic Garden", null, 120),
                        like(RBINS, "Royal Belgian Institute of Natural Sciences (RBINS)", "RBINS", 40),
                        argos.get(0),
                        like(INVALID, "Has an unusable e-mail", null, 0).replace("clw37@cornell.edu", "not-an-address")))
                .list("/node/" + NODE + "/organization", List.of(
                        like(INBO, "Instituut voor Natuur- en Bosonderzoek", "INBO", 80),
                        like(MEISE, "Meise Botanic Garden", null, 120)))
                .answer("/organization/" + CORNELL, GbifApiStub.resource("gbif/organization-e2e717bf.json"))
                .answer("/node/" + NODE, GbifApiStub.resource("gbif/node-c2690fde.json"))
                .answer("/occurrence/search", OCCURRENCE_FACETS);
    }

    @Test
    void syncsThePublishersOfTheCountryTheNodeAndThePartnersAndReportsIt() {
        sync().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.trigger").isEqualTo("ON_DEMAND")
                .jsonPath("$.sources.length()").isEqualTo(6)
                .jsonPath("$.received").isEqualTo(6)
                .jsonPath("$.created[*].key").isEqualTo(List.of(ARGOS, CORNELL))
                .jsonPath("$.rekeyed[?(@.key == '" + MEISE + "')].matchedBy").isEqualTo(List.of("TITLE"))
                .jsonPath("$.rekeyed[?(@.key == '" + MEISE + "')].formerKey").isEqualTo(List.of(MEISE_SEED))
                .jsonPath("$.rekeyed[?(@.key == '" + RBINS + "')].matchedBy").isEqualTo(List.of("ABBREVIATION"))
                .jsonPath("$.rekeyed[?(@.key == '" + INBO + "')].matchedBy").isEqualTo(List.of("KEY_MAPPING"))
                .jsonPath("$.failed[0].key").isEqualTo(INVALID)
                .jsonPath("$.failed[0].reason").value(startsWith("contacts[1].email"))
                .jsonPath("$.updated").isEqualTo(0)
                .jsonPath("$.unchanged").isEqualTo(0);
        client.get().uri(ORGANISATIONS + "/" + ARGOS).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.roles").isEqualTo(List.of("PUBLISHER"))
                .jsonPath("$.registry.title").isEqualTo("Fundación Grupo Argos")
                // in Colombia, not a partner: no count query covers it, its count is unknown rather than 0
                .jsonPath("$.registry.numOccurrences").doesNotExist();
        client.get().uri(ORGANISATIONS + "/" + CORNELL).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.registry.city").isEqualTo("Ithaca")
                .jsonPath("$.registry.numPublishedDatasets").isEqualTo(3)
                .jsonPath("$.registry.numOccurrences").isEqualTo(777);
        // a Belgian publisher the country's facet does not list has published no occurrences
        client.get().uri(ORGANISATIONS + "/" + INBO).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.registry.numOccurrences").isEqualTo(0);
        assertThat(GBIF.requests).contains(
                "/v1/occurrence/search?publishingCountry=BE&limit=0&facet=publishingOrg&facetLimit=1000",
                "/v1/occurrence/search?publishingOrg=" + CORNELL + "&limit=0&facet=publishingOrg&facetLimit=1000");
    }

    @Test
    void aSeededOrganisationMovesToItsGbifKeyKeepingItsPortalFieldsAndItsOldLinks() {
        sync().expectStatus().isOk();
        client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.slug").isEqualTo("meise-botanic-garden")
                .jsonPath("$.names.nl").isEqualTo("Plantentuin Meise")
                .jsonPath("$.roles").isEqualTo(List.of("MEMBER"))
                .jsonPath("$.type").isEqualTo("MUSEUM_OR_BOTANIC_GARDEN")
                .jsonPath("$.registry.numPublishedDatasets").isEqualTo(120)
                .jsonPath("$.registry.numOccurrences").isEqualTo(5000)
                .jsonPath("$.registry.logoUrl").doesNotExist();
        client.get().uri(ORGANISATIONS + "/" + MEISE_SEED).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.key").isEqualTo(MEISE);
        client.get().uri(ORGANISATIONS + "/slug/meise-botanic-garden").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.key").isEqualTo(MEISE);
        client.get().uri(ORGANISATIONS + "?q=meise").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.results[0].key").isEqualTo(MEISE);
        client.get().uri(ORGANISATIONS + "?limit=0").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(24 + 2);
    }

    @Test
    void anUploadOfRegistryDataKeepsTheSyncsOccurrenceCount() {
        sync().expectStatus().isOk();
        String page = "{\"offset\":0,\"limit\":1,\"endOfRecords\":true,\"count\":1,\"results\":["
                + like(MEISE, "Meise Botanic Garden", "MBG", 121) + "]}";
        client.post().uri("/api/directory/v1/imports/registry").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(page).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.updated").isEqualTo(1);
        client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.registry.numPublishedDatasets").isEqualTo(121)
                .jsonPath("$.registry.numOccurrences").isEqualTo(5000);
    }

    @Test
    void aSyncWhoseCallerGoesAwayRunsToItsEndAndIsReported() {
        StepVerifier.create(sync.run(SyncReport.Trigger.ON_DEMAND)).thenCancel().verify(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.newest("gbif-be").count().block() == 1);
        reports().jsonPath("$[0].status").isEqualTo("COMPLETE")
                .jsonPath("$[0].rekeyed.length()").isEqualTo(3);
    }

    @Test
    void runningItAgainChangesNothing() {
        sync().expectStatus().isOk();
        sync().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.created.length()").isEqualTo(0)
                .jsonPath("$.rekeyed.length()").isEqualTo(0)
                .jsonPath("$.updated").isEqualTo(0)
                .jsonPath("$.unchanged").isEqualTo(5);
    }

    @Test
    void whenGbifCannotBeReachedNothingChangesAndTheReportSaysSo() {
        sync().expectStatus().isOk();
        GBIF.down(true);
        sync().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UNREACHABLE")
                .jsonPath("$.message").value(containsString("nothing was changed"))
                .jsonPath("$.message").value(containsString("the last good sync"))
                .jsonPath("$.sources[0].error").isEqualTo("GBIF answered 503")
                .jsonPath("$.received").isEqualTo(0);
        client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.registry.numPublishedDatasets").isEqualTo(120);
        client.get().uri(ORGANISATIONS + "?limit=0").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(26);
        reports().jsonPath("$[*].status").isEqualTo(List.of("UNREACHABLE", "COMPLETE"));
    }

    @Test
    void aSourceThatFailsLeavesTheOthersSyncedAndThePartialReportNamesIt() {
        GBIF.fail("/node/" + NODE + "/organization", 10, 502);
        sync().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PARTIAL")
                .jsonPath("$.sources[1].url").value(containsString("/node/" + NODE + "/organization"))
                .jsonPath("$.sources[1].error").isEqualTo("GBIF answered 502")
                .jsonPath("$.received").isEqualTo(5)
                .jsonPath("$.rekeyed.length()").isEqualTo(2);
        client.get().uri(ORGANISATIONS + "/" + seedKey("inbo")).exchange().expectStatus().isOk();
    }

    @Test
    void keepsTheNewestReports() {
        for (int run = 0; run < 4; run++) {
            sync().expectStatus().isOk();
        }
        reports().jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].unchanged").isEqualTo(5);
    }

    @Test
    void onlyEditorsMaySyncOrReadTheReports() {
        client.post().uri(SYNC).exchange().expectStatus().isUnauthorized();
        client.post().uri(SYNC).header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectStatus().isNotFound();
        client.get().uri(SYNC).exchange().expectStatus().isUnauthorized();
    }

    /** The database is shared with other test classes, which expect the seeded keys. */
    @AfterEach
    void backToTheSeed() {
        mongo.remove(new Query(), "organisations").then(mongo.remove(new Query(), "organisationAliases"))
                .then(mongo.remove(new Query(), "registrySyncs")).then(mongo.remove(new Query(), "people"))
                .then(seeder.seed()).then(organisations.reindex()).block();
    }

    @Test
    void theNodesContactsBecomePeopleMergedByEmailWithThePeopleEditorsMade() {
        client.post().uri(PEOPLE).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .bodyValue(Map.of("slug", "natalia", "name", "Natalia G.", "categories", List.of("CONTACT"),
                        "bio", Map.of("en", "Written by an editor"), "email", "nataliagonzaga801@gmail.com"))
                .exchange().expectStatus().isCreated();

        sync().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.people.received").isEqualTo(4)
                .jsonPath("$.people.created").isEqualTo(3)
                .jsonPath("$.people.updated").isEqualTo(1);
        client.get().uri(PEOPLE + "/slug/natalia").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Natalia G.")
                .jsonPath("$.bio.en").isEqualTo("Written by an editor")
                .jsonPath("$.categories").isEqualTo(List.of("NODE_STAFF", "CONTACT"))
                .jsonPath("$.roles").isEqualTo(List.of("Node manager"));
        client.get().uri(PEOPLE + "/slug/fernanda-cesar-da-silva").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.categories").isEqualTo(List.of("NODE_STAFF"))
                .jsonPath("$.roles").isEqualTo(List.of("Node staff"))
                .jsonPath("$.current").isEqualTo(true);
        client.get().uri(PEOPLE + "/slug/antonio-gusmao").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.categories").isEqualTo(List.of("CONTACT"))
                .jsonPath("$.roles").isEqualTo(List.of("Head of delegation"));

        sync().expectStatus().isOk().expectBody()
                .jsonPath("$.people.created").isEqualTo(0)
                .jsonPath("$.people.updated").isEqualTo(0)
                .jsonPath("$.people.unchanged").isEqualTo(4);
    }

    private WebTestClient.ResponseSpec sync() {
        return client.post().uri(SYNC).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange();
    }

    private WebTestClient.BodyContentSpec reports() {
        return client.get().uri(SYNC).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange()
                .expectStatus().isOk().expectBody();
    }

    /** The recorded Cornell organisation with another key, title, abbreviation and dataset count. */
    static String like(String key, String title, String abbreviation, int datasets) {
        ObjectNode record = (ObjectNode) JSON.readTree(GbifApiStub.resource("gbif/organization-e2e717bf.json"));
        record.put("key", key).put("title", title).put("numPublishedDatasets", datasets).put("country", "BE");
        if (abbreviation != null) {
            record.put("abbreviation", abbreviation);
        }
        return record.toString();
    }

    static String seedKey(String slug) {
        return UUID.nameUUIDFromBytes(("gbif.be/organisation/" + slug).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
