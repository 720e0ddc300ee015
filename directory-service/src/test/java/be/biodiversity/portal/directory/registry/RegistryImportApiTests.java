package be.biodiversity.portal.directory.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import be.biodiversity.portal.directory.organisation.OrganisationService;
import be.biodiversity.portal.directory.seed.OrganisationSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "portal.editor.token=" + RegistryImportApiTests.TOKEN, "portal.registry.enabled=true",
                "portal.registry.page-size=2", "portal.registry.retry-backoff=10ms" })
@AutoConfigureWebTestClient
class RegistryImportApiTests {

    static final String TOKEN = "registry-test-token";
    static final String IMPORT = "/api/directory/v1/imports/registry";
    static final String ORGANISATIONS = "/api/directory/v1/organisations";
    static final String MEISE = "e8add663-e239-333f-98c7-271a138acf4e";
    static final RegistryStub REGISTRY = new RegistryStub();

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OrganisationSeeder seeder;

    @Autowired
    OrganisationService organisations;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("portal.registry.base-url", REGISTRY::baseUrl);
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @BeforeEach
    void startFromTheSeed() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk());
        mongo.remove(new Query(), "organisations").then(seeder.seed()).then(organisations.reindex()).block();
    }

    @Test
    void uploadKeepsThePortalFieldsOfAKnownOrganisationAndAddsNewPublishers() {
        upload(RegistryStub.page(0)).expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(2)
                .jsonPath("$.inserted").isEqualTo(1)
                .jsonPath("$.updated").isEqualTo(1)
                .jsonPath("$.unchanged").isEqualTo(0);
        client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.slug").isEqualTo("meise-botanic-garden")
                .jsonPath("$.names.nl").isEqualTo("Plantentuin Meise")
                .jsonPath("$.roles").isEqualTo(List.of("MEMBER"))
                .jsonPath("$.type").isEqualTo("MUSEUM_OR_BOTANIC_GARDEN")
                .jsonPath("$.homepage").isEqualTo("https://www.plantentuinmeise.be/en/")
                .jsonPath("$.registry.title").isEqualTo("Meise Botanic Garden")
                .jsonPath("$.registry.homepage").isEqualTo(List.of("https://www.plantentuinmeise.be"))
                .jsonPath("$.registry.numPublishedDatasets").isEqualTo(120)
                .jsonPath("$.registry.endorsementApproved").isEqualTo(true)
                .jsonPath("$.registry.contacts[0].name").isEqualTo("Ann Example")
                .jsonPath("$.registry.contacts[0].email").isEqualTo("ann@example.org")
                .jsonPath("$.registry.contacts[0].roles").isEqualTo(List.of("Collections manager"))
                .jsonPath("$.registry.created").isEqualTo("2013-06-04T10:47:26Z");
        client.get().uri(ORGANISATIONS + "/slug/vlaamse-vereniging-voor-veldbiologie").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.names.en").isEqualTo("Vlaamse Vereniging voor Veldbiologie")
                .jsonPath("$.acronym").isEqualTo("VVV")
                .jsonPath("$.roles").isEqualTo(List.of("PUBLISHER"))
                .jsonPath("$.type").isEqualTo("OTHER")
                .jsonPath("$.country").isEqualTo("BE")
                .jsonPath("$.homepage").isEqualTo("https://veldbiologie.example.org");
        // Found at once by the words of its registry title and city.
        client.get().uri(ORGANISATIONS + "?q=veldbio leuven").exchange().expectBody()
                .jsonPath("$.results[0].slug").isEqualTo("vlaamse-vereniging-voor-veldbiologie");
        client.get().uri(ORGANISATIONS + "?role=PUBLISHER&endorsed=false").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(1);
    }

    @Test
    void anEditorsUpdateWithoutRegistryDataKeepsIt() {
        upload(RegistryStub.page(0)).expectStatus().isOk();
        client.put().uri(ORGANISATIONS + "/" + MEISE).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slug", "meise-botanic-garden", "names", Map.of("en", "Meise Botanic Garden",
                        "nl", "Plantentuin Meise", "fr", "Jardin botanique de Meise"), "roles", List.of("MEMBER",
                        "PUBLISHER"), "type", "MUSEUM_OR_BOTANIC_GARDEN", "country", "BE", "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles").isEqualTo(List.of("MEMBER", "PUBLISHER"))
                .jsonPath("$.registry.title").isEqualTo("Meise Botanic Garden")
                .jsonPath("$.registry.numPublishedDatasets").isEqualTo(120);
    }

    @Test
    void importingTheSamePageAgainChangesNothing() {
        upload(RegistryStub.page(0)).expectStatus().isOk();
        String before = meise();
        upload(RegistryStub.page(0)).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(0)
                .jsonPath("$.updated").isEqualTo(0)
                .jsonPath("$.unchanged").isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(meise()).isEqualTo(before);
    }

    @Test
    void harvestReadsEveryPageOfTheRegistry() {
        REGISTRY.fail(2, 1, 503);
        client.post().uri(IMPORT + "/harvest").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(3)
                .jsonPath("$.inserted").isEqualTo(2)
                .jsonPath("$.updated").isEqualTo(1)
                .jsonPath("$.rejected").isEmpty();
        client.get().uri(ORGANISATIONS + "?q=floristiques etudes").exchange().expectBody()
                .jsonPath("$.results[0].slug").isEqualTo("societe-d-etudes-floristiques-de-wallonie");
    }

    @Test
    void badUploadsAreRefusedNamingTheFieldOrLineAndChangeNothing() {
        upload("{\"results\": [ {\"key\": \"7c2d9a10-5b1e-4f0a-9d3c-2e8f1a6b4c01\",\n \"title\": }]}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(containsString("line 2"));
        String page = RegistryStub.page(0);
        upload(page.replace("\"numPublishedDatasets\": 3", "\"numPublishedDatasets\": \"many\""))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("results[1].numPublishedDatasets");
        upload(page.replace("\"key\": \"7c2d9a10-5b1e-4f0a-9d3c-2e8f1a6b4c01\",", ""))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("results[1].key")
                .jsonPath("$.detail").value(containsString("nothing was imported"));
        upload(page.replace("ann@example.org", "not an address"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("results[0].contacts[0].email");
        upload(page.replace("\"latitude\": 50.93", "\"latitude\": 95"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("results[0].latitude");
        client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectBody().jsonPath("$.registry").isEmpty();
        client.get().uri(ORGANISATIONS).exchange().expectBody().jsonPath("$.count").isEqualTo(24);
    }

    @Test
    void newPublishersWithTheSameTitleAndKeysThatBeginAlikeGetSlugsOfTheirOwn() {
        upload("""
                {"results": [
                 {"key": "0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f71", "title": "Same Name"},
                 {"key": "0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f72", "title": "Same name"},
                 {"key": "0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f73", "title": "Same  name!"}]}""")
                .expectStatus().isOk().expectBody().jsonPath("$.inserted").isEqualTo(3);
        client.get().uri(ORGANISATIONS + "?q=same name&limit=10").exchange().expectBody()
                .jsonPath("$.results[*].slug").value(slugs -> org.assertj.core.api.Assertions
                        .assertThat(new java.util.HashSet<Object>((List<?>) slugs)).hasSize(3).contains("same-name"));
    }

    @Test
    void importsNeedTheEditorToken() {
        client.post().uri(IMPORT).contentType(MediaType.APPLICATION_JSON).bodyValue(RegistryStub.page(0)).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri(ORGANISATIONS).exchange().expectBody().jsonPath("$.count").isEqualTo(24);
    }

    private WebTestClient.ResponseSpec upload(String json) {
        return client.post().uri(IMPORT).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private String meise() {
        return new String(client.get().uri(ORGANISATIONS + "/" + MEISE).exchange().expectBody().returnResult()
                .getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
