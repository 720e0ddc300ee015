package be.biodiversity.portal.content.web;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Every query parameter and path id of the API is checked: a value that cannot be used is a 400 naming it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class RequestValidationTests {

    @Autowired
    WebTestClient web;

    @Test
    void aYearBeyondFourDigitsIsRefusedNamingIt() {
        refused(get("/api/content/v1/pages", "year", "2147483647"), "year");
        refused(get("/api/content/v1/posts", "year", "0"), "year");
        refused(get("/api/content/v1/literature", "year", "2018,99999"), "year");
    }

    @Test
    void anOffsetPastTheLastPageWorthServingIsRefusedNotWrappedAround() {
        refused(get("/api/content/v1/pages", "offset", "9223372036854775807"), "offset");
        refused(get("/api/content/v1/posts", "offset", "-1"), "offset");
        refused(get("/api/content/v1/literature", "offset", "9223372036854775807"), "offset");
        refused(get("/api/content/v1/pages", "limit", "1001"), "limit");
        refused(get("/api/content/v1/pages", "offset", "abc"), "offset");
    }

    @Test
    void textWithControlCharactersOrTooLongIsRefused() {
        refused(get("/api/content/v1/pages", "q", "\u0000"), "q");
        refused(get("/api/content/v1/posts", "category", "news\u001b"), "category");
        refused(get("/api/content/v1/literature", "q", "x".repeat(201)), "q");
        refused(get("/api/content/v1/literature", "q", "x\uffff"), "q");
        refused(get("/api/content/v1/pages/translations", "key", "a\u0007"), "key");
        refused(web.get().uri(b -> b.path("/api/content/v1/pages").queryParam("lang", "nl")
                .queryParam("path", "{path}").build("/nl/community\u000b")).exchange(), "path");
    }

    @Test
    void aFilterRepeatedBeyondReasonIsRefused() {
        refused(web.get().uri(b -> {
            UriBuilder uri = b.path("/api/content/v1/literature");
            for (int i = 0; i < 51; i++) {
                uri.queryParam("countriesOfCoverage", "BE");
            }
            return uri.build();
        }).exchange(), "countriesOfCoverage");
    }

    @Test
    void unknownParametersAreIgnored() {
        web.get().uri("/api/content/v1/pages?lang=nl&unknown=1&foo=%00").exchange().expectStatus().isOk();
    }

    @Test
    void oddIdsAreRefusedNamingTheField() {
        refused(web.get().uri("/api/content/v1/pages/{id}", "x".repeat(2000)).exchange(), "id");
        refused(web.get().uri("/api/content/v1/pages/{id}/revisions", "not-an-id").exchange(), "id");
        refused(web.get().uri("/api/content/v1/literature/{id}", "x".repeat(101)).exchange(), "id");
        refused(web.get().uri("/api/content/v1/literature/{id}", "-dash-first").exchange(), "id");
        web.get().uri("/api/content/v1/literature/{id}", "no-such-record").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/pages/{id}", "0123456789abcdef01234567").exchange().expectStatus()
                .isNotFound();
    }

    @Test
    void aLiteratureIdOfAHundredThousandCharactersIsNotImported() {
        web.post().uri("/api/content/v1/literature/imports").header("Authorization", "Bearer test-editor-secret")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"results\":[{\"id\":\"" + "a".repeat(100_000) + "\",\"title\":\"Long\"}]}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("results[0].id");
    }

    @Test
    void aHugeNumberInFrontMatterIsABadRequestNotAServerError() {
        web.post().uri("/api/content/v1/pages").header("Authorization", "Bearer test-editor-secret")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lang\":\"en\",\"permalink\":\"/big-number\",\"title\":\"Big\",\"frontMatter\":"
                        + "{\"stats\":{\"n\":[1," + "9".repeat(999) + "]}}}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field")
                .isEqualTo("frontMatter.stats.n[1]");
    }

    private WebTestClient.ResponseSpec get(String path, String name, String value) {
        Function<org.springframework.web.util.UriBuilder, java.net.URI> uri = b -> b.path(path)
                .queryParam(name, "{value}").build(value);
        return web.get().uri(uri).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("Exception"));
    }
}
