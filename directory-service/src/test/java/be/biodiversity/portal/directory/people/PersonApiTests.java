package be.biodiversity.portal.directory.people;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** Same configuration as {@code OrganisationApiTests}, so both share one application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=" + PersonApiTests.TOKEN)
@AutoConfigureWebTestClient
class PersonApiTests {

    static final String TOKEN = "test-editor-token";
    static final String API = "/api/directory/v1/people";
    static final String RBINS = UUID.nameUUIDFromBytes("gbif.be/organisation/rbins".getBytes(StandardCharsets.UTF_8))
            .toString();

    @Autowired
    WebTestClient client;

    @Autowired
    PersonRepository repository;

    @BeforeEach
    void noPeople() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk());
        repository.deleteAll().block();
    }

    @Test
    void createdPeopleAreListedByNameAndFiltered() {
        create(person("zoe-staff", "Zoë Staff", "NODE_STAFF", true)).expectStatus().isCreated();
        create(person("adam-former", "Adam Former", "NODE_STAFF", false)).expectStatus().isCreated();
        Map<String, Object> contact = person("eve-contact", "Ève Contact", "CONTACT", true);
        contact.put("organisationKey", RBINS);
        create(contact).expectStatus().isCreated().expectBody()
                .jsonPath("$.bio.nl").isEqualTo("Korte bio")
                .jsonPath("$.bio.fr").isEqualTo(null)
                .jsonPath("$.version").isEqualTo(0);

        expectSlugs("", "adam-former", "eve-contact", "zoe-staff");
        expectSlugs("?category=node_staff", "adam-former", "zoe-staff");
        expectSlugs("?category=NODE_STAFF&current=true", "zoe-staff");
        editor(client.get().uri(API + "?organisation=" + RBINS)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[*].slug").isEqualTo(List.of("eve-contact"));
        client.get().uri(API + "?organisation=" + RBINS).exchange().expectStatus().isUnauthorized();
        client.get().uri(API + "/slug/eve-contact").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Ève Contact")
                .jsonPath("$.roles").isEqualTo(List.of("Data manager"))
                .jsonPath("$.current").isEqualTo(true);
    }

    /** Issue 18#8: anonymously a person is what the portal's pages show, former staff included; editors see all. */
    @Test
    void anonymousReadersSeeOnlyWhatThePagesShow() {
        Map<String, Object> former = person("fien-former", "Fien Former", "NODE_STAFF", false);
        former.put("organisationKey", RBINS);
        String key = (String) create(former).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("key");
        create(person("gert-staff", "Gert Staff", "NODE_STAFF", true)).expectStatus().isCreated();
        List<String> shown = List.of("key", "slug", "name", "categories", "roles", "bio", "photoUrl", "current");

        for (String uri : List.of(API + "/" + key, API + "/slug/fien-former")) {
            Map<?, ?> person = client.get().uri(uri).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(person.keySet().stream().map(String::valueOf).toList()).as(uri).containsExactlyInAnyOrderElementsOf(shown);
            assertThat(person.get("current")).isEqualTo(false);
        }
        String list = client.get().uri(API + "?category=NODE_STAFF&limit=1000").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("Fien Former", "Gert Staff").doesNotContain("@example.org", "email", RBINS,
                "organisationKey", "createdAt", "modifiedAt", "version");

        editor(client.get().uri(API + "/" + key)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("fien-former@example.org")
                .jsonPath("$.organisationKey").isEqualTo(RBINS)
                .jsonPath("$.version").isEqualTo(0);
        editor(client.get().uri(API + "?current=false")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].email").isEqualTo("fien-former@example.org");
    }

    @Test
    void badPeopleAreRefusedNamingTheField() {
        Map<String, Object> unknownOrganisation = person("someone", "Someone", "CONTACT", true);
        unknownOrganisation.put("organisationKey", UUID.randomUUID().toString());
        expectProblem(create(unknownOrganisation), HttpStatus.BAD_REQUEST, "organisationKey");
        Map<String, Object> badEmail = person("someone", "Someone", "CONTACT", true);
        badEmail.put("email", "not-an-address");
        expectProblem(create(badEmail), HttpStatus.BAD_REQUEST, "email");
        Map<String, Object> badCategory = person("someone", "Someone", "VOLUNTEER", true);
        expectProblem(create(badCategory), HttpStatus.BAD_REQUEST, "categories[0]");
        expectProblem(client.get().uri(API + "?category=VOLUNTEER").exchange(), HttpStatus.BAD_REQUEST, "category");
        expectProblem(client.get().uri(API + "?current=sometimes").exchange(), HttpStatus.BAD_REQUEST, "current");
        expectProblem(client.get().uri(API + "?limit=1001").exchange(), HttpStatus.BAD_REQUEST, "limit");
        client.get().uri(API).exchange().expectBody().jsonPath("$.count").isEqualTo(0);
    }

    @Test
    void slugsAreUniqueAndUpdatesNeedTheCurrentVersion() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> ann = person("ann", "Ann", "NODE_STAFF", true);
        ann.put("key", key);
        create(ann).expectStatus().isCreated();
        expectProblem(create(person("ann", "Another Ann", "CONTACT", true)), HttpStatus.CONFLICT, "slug");

        ann.put("version", 0);
        ann.put("current", false);
        editor(client.put().uri(API + "/" + key)).bodyValue(ann).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.current").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(1);
        ann.put("name", "Stale Ann");
        expectProblem(editor(client.put().uri(API + "/" + key)).bodyValue(ann).exchange(), HttpStatus.CONFLICT,
                "version").jsonPath("$.currentVersion").isEqualTo(1);
        client.get().uri(API + "/" + key).exchange().expectBody().jsonPath("$.name").isEqualTo("Ann");

        client.delete().uri(API + "/" + key).exchange().expectStatus().isUnauthorized();
        editor(client.delete().uri(API + "/" + key)).exchange().expectStatus().isNoContent();
        client.get().uri(API + "/" + key).exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec create(Map<String, Object> person) {
        return editor(client.post().uri(API)).bodyValue(person).exchange();
    }

    private void expectSlugs(String query, String... slugs) {
        client.get().uri(API + query).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(slugs.length)
                .jsonPath("$.results[*].slug").isEqualTo(List.of(slugs));
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S editor(S request) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
        return request;
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response,
            HttpStatus status, String field) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo(field);
    }

    private static Map<String, Object> person(String slug, String name, String category, boolean current) {
        Map<String, Object> person = new HashMap<>();
        person.put("slug", slug);
        person.put("name", name);
        person.put("categories", List.of(category));
        person.put("roles", List.of("Data manager"));
        person.put("bio", Map.of("en", "Short bio", "nl", "Korte bio"));
        person.put("photoUrl", "https://www.gbif.be/img/" + slug + ".jpg");
        person.put("email", slug + "@example.org");
        person.put("current", current);
        return person;
    }
}
