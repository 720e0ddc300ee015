package be.biodiversity.portal.directory.organisation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.biodiversity.portal.directory.seed.OrganisationSeeder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=" + OrganisationApiTests.TOKEN)
@AutoConfigureWebTestClient
class OrganisationApiTests {

    static final String TOKEN = "test-editor-token";
    static final String API = "/api/directory/v1/organisations";
    static final List<String> ALL_BY_ENGLISH_NAME = List.of("bccm", "biodiversa-plus", "tdwg",
            "brussels-environment", "catalogue-of-life", "demna", "dissco", "ebird", "elixir", "europabon", "vliz",
            "ugent", "gbif", "go-fair", "inaturalist", "ipbes", "iucn", "meise-botanic-garden", "natuurpunt", "inbo",
            "rbins", "rmca", "ulb", "uliege");

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
        // Wait for the start-up seeding (health UP), so it cannot insert behind a test's back; then reset.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk());
        repository.deleteAll().then(seeder.seed()).then(organisations.reindex()).block();
    }

    @Test
    void membersAreTheTwelveBelgianOrganisationsSortedByEnglishName() {
        client.get().uri(API + "?role=MEMBER&limit=100").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.offset").isEqualTo(0)
                .jsonPath("$.limit").isEqualTo(100)
                .jsonPath("$.count").isEqualTo(12)
                .jsonPath("$.endOfRecords").isEqualTo(true)
                .jsonPath("$.results[*].slug").isEqualTo(List.of("bccm", "brussels-environment", "demna", "vliz",
                        "ugent", "meise-botanic-garden", "natuurpunt", "inbo", "rbins", "rmca", "ulb", "uliege"))
                .jsonPath("$.results[*].country").isEqualTo(List.of("BE", "BE", "BE", "BE", "BE", "BE", "BE", "BE",
                        "BE", "BE", "BE", "BE"));
    }

    @Test
    void partnersAreSortedIgnoringCase() {
        client.get().uri(API + "?role=partner&limit=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(12)
                .jsonPath("$.results[*].slug").isEqualTo(List.of("biodiversa-plus", "tdwg", "catalogue-of-life",
                        "dissco", "ebird", "elixir", "europabon", "gbif", "go-fair", "inaturalist", "ipbes", "iucn"));
    }

    @Test
    void filtersCombine() {
        client.get().uri(API + "?type=UNIVERSITY&country=be").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.results[*].slug").isEqualTo(List.of("ugent", "ulb", "uliege"));
        client.get().uri(API + "?role=PUBLISHER").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(0)
                .jsonPath("$.results").isEmpty();
    }

    @Test
    void pagesFollowEachOtherInEnglishNameOrder() {
        client.get().uri(API + "?offset=0&limit=10").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(24)
                .jsonPath("$.endOfRecords").isEqualTo(false)
                .jsonPath("$.results[*].slug").isEqualTo(ALL_BY_ENGLISH_NAME.subList(0, 10));
        client.get().uri(API + "?offset=10&limit=10").exchange().expectBody()
                .jsonPath("$.endOfRecords").isEqualTo(false)
                .jsonPath("$.results[*].slug").isEqualTo(ALL_BY_ENGLISH_NAME.subList(10, 20));
        client.get().uri(API + "?offset=20&limit=10").exchange().expectBody()
                .jsonPath("$.offset").isEqualTo(20)
                .jsonPath("$.limit").isEqualTo(10)
                .jsonPath("$.count").isEqualTo(24)
                .jsonPath("$.endOfRecords").isEqualTo(true)
                .jsonPath("$.results[*].slug").isEqualTo(ALL_BY_ENGLISH_NAME.subList(20, 24));
    }

    @Test
    void pagingEdges() {
        client.get().uri(API + "?offset=30&limit=10").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.offset").isEqualTo(30)
                .jsonPath("$.count").isEqualTo(24)
                .jsonPath("$.results").isEmpty()
                .jsonPath("$.endOfRecords").isEqualTo(true);
        client.get().uri(API + "?offset=24&limit=10").exchange().expectBody()
                .jsonPath("$.results").isEmpty()
                .jsonPath("$.endOfRecords").isEqualTo(true);
        client.get().uri(API + "?offset=23&limit=1").exchange().expectBody()
                .jsonPath("$.results[*].slug").isEqualTo(List.of("uliege"))
                .jsonPath("$.endOfRecords").isEqualTo(true);
        client.get().uri(API + "?limit=0").exchange().expectBody()
                .jsonPath("$.count").isEqualTo(24)
                .jsonPath("$.results").isEmpty()
                .jsonPath("$.endOfRecords").isEqualTo(false);
        client.get().uri(API).exchange().expectBody()
                .jsonPath("$.offset").isEqualTo(0)
                .jsonPath("$.limit").isEqualTo(20)
                .jsonPath("$.results.length()").isEqualTo(20);
    }

    @Test
    void badListParametersAreNamed() {
        expectProblem(client.get().uri(API + "?role=SPONSOR").exchange(), HttpStatus.BAD_REQUEST, "role")
                .jsonPath("$.detail").value(containsString("SPONSOR"));
        expectProblem(client.get().uri(API + "?type=ZOO").exchange(), HttpStatus.BAD_REQUEST, "type");
        expectProblem(client.get().uri(API + "?limit=1001").exchange(), HttpStatus.BAD_REQUEST, "limit");
        expectProblem(client.get().uri(API + "?offset=-1").exchange(), HttpStatus.BAD_REQUEST, "offset");
        expectProblem(client.get().uri(API + "?limit=many").exchange(), HttpStatus.BAD_REQUEST, "limit");
        expectProblem(client.get().uri(API + "?country=Belgium").exchange(), HttpStatus.BAD_REQUEST, "country");
        client.get().uri(API + "?limit=1000").exchange().expectStatus().isOk();
    }

    @Test
    void readsOneByKeyOrSlug() {
        String key = UUID.nameUUIDFromBytes("gbif.be/organisation/rbins".getBytes(StandardCharsets.UTF_8)).toString();
        client.get().uri(API + "/" + key).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.key").isEqualTo(key)
                .jsonPath("$.slug").isEqualTo("rbins")
                .jsonPath("$.acronym").isEqualTo("RBINS")
                .jsonPath("$.names.en").isEqualTo("Royal Belgian Institute of Natural Sciences")
                .jsonPath("$.names.fr").isEqualTo("Institut royal des Sciences naturelles de Belgique")
                .jsonPath("$.names.nl").isEqualTo("Koninklijk Belgisch Instituut voor Natuurwetenschappen")
                .jsonPath("$.homepage").isEqualTo("https://www.naturalsciences.be/en")
                .jsonPath("$.roles").isEqualTo(List.of("MEMBER"))
                .jsonPath("$.type").isEqualTo("FEDERAL_INSTITUTE")
                .jsonPath("$.country").isEqualTo("BE")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.createdAt").isNotEmpty()
                .jsonPath("$.sortName").doesNotExist();
        client.get().uri(API + "/slug/meise-botanic-garden").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.names.nl").isEqualTo("Plantentuin Meise")
                .jsonPath("$.names.fr").isEqualTo("Jardin botanique de Meise");
    }

    @Test
    void unknownKeyOrSlugIsNotFound() {
        expectProblem(client.get().uri(API + "/" + UUID.randomUUID()).exchange(), HttpStatus.NOT_FOUND, null);
        expectProblem(client.get().uri(API + "/slug/no-such-organisation").exchange(), HttpStatus.NOT_FOUND, null)
                .jsonPath("$.detail").value(containsString("no-such-organisation"));
    }

    @Test
    void createdOrganisationCanBeRead() {
        String location = editor(client.post().uri(API)).bodyValue(newOrganisation("biodiversity-be", null))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.slug").isEqualTo("biodiversity-be")
                .jsonPath("$.version").isEqualTo(0)
                .returnResult().getResponseHeaders().getLocation().toString();
        assertThat(location).matches(API + "/[0-9a-f-]{36}");
        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.names.en").isEqualTo("Belgian Biodiversity Platform")
                .jsonPath("$.roles").isEqualTo(List.of("MEMBER", "PUBLISHER"));
        client.get().uri(API + "?role=MEMBER").exchange().expectBody().jsonPath("$.count").isEqualTo(13);
    }

    @Test
    void duplicateKeyOrSlugIsAConflictNamingIt() {
        String key = UUID.randomUUID().toString();
        editor(client.post().uri(API)).bodyValue(newOrganisation("first", key)).exchange()
                .expectStatus().isCreated();
        expectProblem(editor(client.post().uri(API)).bodyValue(newOrganisation("second", key)).exchange(),
                HttpStatus.CONFLICT, "key")
                .jsonPath("$.detail").value(containsString(key));
        expectProblem(editor(client.post().uri(API)).bodyValue(newOrganisation("rbins", null)).exchange(),
                HttpStatus.CONFLICT, "slug")
                .jsonPath("$.detail").value(containsString("'rbins'"));
        client.get().uri(API + "/slug/second").exchange().expectStatus().isNotFound();
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        String key = UUID.randomUUID().toString();
        editor(client.post().uri(API)).bodyValue(newOrganisation("to-update", key)).exchange()
                .expectStatus().isCreated();
        Map<String, Object> changed = newOrganisation("updated", key);
        changed.put("version", 0);
        editor(client.put().uri(API + "/" + key)).bodyValue(changed).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.slug").isEqualTo("updated")
                .jsonPath("$.version").isEqualTo(1);

        changed.put("acronym", "STALE");
        expectProblem(editor(client.put().uri(API + "/" + key)).bodyValue(changed).exchange(),
                HttpStatus.CONFLICT, "version")
                .jsonPath("$.currentVersion").isEqualTo(1);
        client.get().uri(API + "/" + key).exchange().expectBody()
                .jsonPath("$.acronym").isEqualTo("BBPF")
                .jsonPath("$.version").isEqualTo(1);

        changed.remove("version");
        expectProblem(editor(client.put().uri(API + "/" + key)).bodyValue(changed).exchange(),
                HttpStatus.BAD_REQUEST, "version");
        changed.put("version", 1);
        changed.put("slug", "rbins");
        expectProblem(editor(client.put().uri(API + "/" + key)).bodyValue(changed).exchange(),
                HttpStatus.CONFLICT, "slug");
        expectProblem(editor(client.put().uri(API + "/" + UUID.randomUUID())).bodyValue(changed).exchange(),
                HttpStatus.BAD_REQUEST, "key");
    }

    @Test
    void invalidOrganisationIsRejectedNamingTheFieldAndNotStored() {
        Map<String, Object> noEnglishName = newOrganisation("nameless", null);
        noEnglishName.put("names", Map.of("fr", "Sans nom anglais"));
        expectProblem(editor(client.post().uri(API)).bodyValue(noEnglishName).exchange(),
                HttpStatus.BAD_REQUEST, "names.en");

        Map<String, Object> badSlug = newOrganisation("Not A Slug", null);
        expectProblem(editor(client.post().uri(API)).bodyValue(badSlug).exchange(), HttpStatus.BAD_REQUEST, "slug");

        Map<String, Object> noCountry = newOrganisation("no-country", null);
        noCountry.put("country", "XX");
        expectProblem(editor(client.post().uri(API)).bodyValue(noCountry).exchange(),
                HttpStatus.BAD_REQUEST, "country");

        Map<String, Object> unknownType = newOrganisation("unknown-type", null);
        unknownType.put("type", "ZOO");
        expectProblem(editor(client.post().uri(API)).bodyValue(unknownType).exchange(),
                HttpStatus.BAD_REQUEST, "type");

        client.get().uri(API + "/slug/nameless").exchange().expectStatus().isNotFound();
        client.get().uri(API).exchange().expectBody().jsonPath("$.count").isEqualTo(24);
    }

    @Test
    void malformedJsonIsABadRequest() {
        editor(client.post().uri(API)).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"slug\": \"half")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(API).exchange().expectBody().jsonPath("$.count").isEqualTo(24);
    }

    @Test
    void writesNeedTheEditorToken() {
        expectProblem(client.post().uri(API).bodyValue(newOrganisation("anonymous", null)).exchange(),
                HttpStatus.UNAUTHORIZED, null)
                .jsonPath("$.detail").value(containsString("Bearer"));
        client.delete().uri(API + "/" + seededKey("rbins")).header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(API + "/slug/rbins").exchange().expectStatus().isOk();
        client.get().uri(API + "/slug/anonymous").exchange().expectStatus().isNotFound();
    }

    @Test
    void deleteRemovesTheOrganisation() {
        String key = seededKey("gbif");
        editor(client.delete().uri(API + "/" + key)).exchange().expectStatus().isNoContent();
        client.get().uri(API + "/" + key).exchange().expectStatus().isNotFound();
        client.get().uri(API + "?role=PARTNER").exchange().expectBody().jsonPath("$.count").isEqualTo(11);
        editor(client.delete().uri(API + "/" + key)).exchange().expectStatus().isNotFound();
    }

    private static String seededKey(String slug) {
        return UUID.nameUUIDFromBytes(("gbif.be/organisation/" + slug).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S editor(S request) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
        return request;
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response,
            HttpStatus status, String field) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.detail").isNotEmpty();
        return field == null ? body : body.jsonPath("$.field").isEqualTo(field);
    }

    private static Map<String, Object> newOrganisation(String slug, String key) {
        Map<String, Object> organisation = new HashMap<>();
        if (key != null) {
            organisation.put("key", key);
        }
        organisation.put("slug", slug);
        organisation.put("acronym", "BBPF");
        organisation.put("names", Map.of("en", "Belgian Biodiversity Platform", "fr",
                "Plateforme belge de la biodiversité", "nl", "Belgisch Biodiversiteitsplatform"));
        organisation.put("homepage", "https://www.biodiversity.be/");
        organisation.put("roles", new ArrayList<>(List.of("PUBLISHER", "MEMBER")));
        organisation.put("type", "FEDERAL_INSTITUTE");
        organisation.put("country", "BE");
        return organisation;
    }
}
