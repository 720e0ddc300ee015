package be.biodiversity.portal.directory.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own error answers (unknown path, wrong method, media types, malformed JSON, wrong parameter type) are
 * clean problem+json: no host, no Java class, no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-token")
@AutoConfigureWebTestClient
class ErrorAnswersTests {

    private static final String TOKEN = "Bearer test-editor-token";

    @Autowired
    WebTestClient client;

    @Test
    void anUnknownPathNamesNoInternalAddress() {
        clean(client.get().uri("/api/directory/v1/nothing").exchange(), HttpStatus.NOT_FOUND);
        clean(client.get().uri("/nothing/here").exchange(), HttpStatus.NOT_FOUND);
    }

    @Test
    void theOtherDefaultErrorsAreCleanToo() {
        clean(client.patch().uri("/api/directory/v1/organisations").header("Authorization", TOKEN).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED);
        clean(client.get().uri("/api/directory/v1/organisations").accept(MediaType.APPLICATION_XML).exchange(),
                HttpStatus.NOT_ACCEPTABLE);
        clean(client.post().uri("/api/directory/v1/organisations").header("Authorization", TOKEN)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        clean(client.post().uri("/api/directory/v1/organisations").header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{bad").exchange(), HttpStatus.BAD_REQUEST);
        clean(client.post().uri("/api/directory/v1/organisations").header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"slug\":{\"a\":1}}").exchange(),
                HttpStatus.BAD_REQUEST).jsonPath("$.field").isEqualTo("slug");
        clean(client.get().uri("/api/directory/v1/people?limit=many").exchange(), HttpStatus.BAD_REQUEST)
                .jsonPath("$.field").isEqualTo("limit");
    }

    private static WebTestClient.BodyContentSpec clean(WebTestClient.ResponseSpec response, HttpStatus status) {
        var result = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        String body = new String(result.returnResult().getResponseBodyContent());
        assertThat(body).doesNotContain("://", "localhost", "127.0.0.1", "Exception", "be.biodiversity", "java.",
                "\tat ");
        return result;
    }
}
