package be.biodiversity.portal.directory.web;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Every query parameter and path key of the API is checked: a value that cannot be used is a 400 naming it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-token")
@AutoConfigureWebTestClient
class RequestValidationTests {

    private static final String ORGANISATIONS = "/api/directory/v1/organisations";
    private static final String PEOPLE = "/api/directory/v1/people";

    @Autowired
    WebTestClient client;

    @Test
    void offsetsAreBounded() {
        refused(get(ORGANISATIONS, "offset", "100001"), "offset");
        refused(get(PEOPLE, "offset", "2147483647"), "offset");
        refused(get(PEOPLE, "offset", "9223372036854775807"), "offset");
        client.get().uri(ORGANISATIONS + "?offset=100000").exchange().expectStatus().isOk();
    }

    @Test
    void textWithControlCharactersOrTooLongIsRefused() {
        refused(get(ORGANISATIONS, "q", "\u0000"), "q");
        refused(get(ORGANISATIONS, "q", "x".repeat(201)), "q");
        refused(get(ORGANISATIONS, "sort", "name\u001b"), "sort");
        refused(get(ORGANISATIONS, "role", "M".repeat(51)), "role");
        refused(get(PEOPLE, "category", "CONTACT\u0007"), "category");
    }

    @Test
    void aFacetRepeatedBeyondReasonIsRefused() {
        refused(client.get().uri(b -> {
            UriBuilder uri = b.path(ORGANISATIONS);
            for (int i = 0; i < 7; i++) {
                uri.queryParam("facet", "role");
            }
            return uri.build();
        }).exchange(), "facet");
    }

    @Test
    void unknownParametersAreIgnored() {
        client.get().uri(ORGANISATIONS + "?unknown=1&foo=%00").exchange().expectStatus().isOk();
        client.get().uri(PEOPLE + "?unknown=1").exchange().expectStatus().isOk();
    }

    @Test
    void oddKeysAndSlugsAreRefusedNamingTheField() {
        refused(client.get().uri(ORGANISATIONS + "/{key}", "x".repeat(2000)).exchange(), "key");
        refused(client.get().uri(ORGANISATIONS + "/{key}", "31BDE907-54E0-36D2-9C71-172B30357686").exchange(), "key");
        refused(client.get().uri(ORGANISATIONS + "/slug/{slug}", "Not A Slug").exchange(), "slug");
        // An encoded slash never reaches the controller: Spring Security's firewall refuses it first (editor-security).
        client.get().uri(PEOPLE + "/{key}", "../x").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        refused(client.get().uri(PEOPLE + "/{key}", "..x").exchange(), "key");
        refused(client.get().uri(PEOPLE + "/slug/{slug}", "a".repeat(101)).exchange(), "slug");
        // Filtering people by organisation is for editors (editor-security, directory editor/EditorReads).
        refused(client.get().uri(b -> b.path(PEOPLE).queryParam("organisation", "rbins").build())
                .header("Authorization", "Bearer test-editor-token").exchange(), "organisation");
        client.get().uri(ORGANISATIONS + "/{key}", "00000000-0000-0000-0000-000000000000").exchange()
                .expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec get(String path, String name, String value) {
        Function<UriBuilder, java.net.URI> uri = b -> b.path(path).queryParam(name, "{value}").build(value);
        return client.get().uri(uri).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("Exception"));
    }
}
