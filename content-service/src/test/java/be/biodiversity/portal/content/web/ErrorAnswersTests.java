package be.biodiversity.portal.content.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own error answers (unknown path, wrong method, media types, body too large, malformed JSON, wrong
 * parameter type) are clean problem+json: no host, no Java class, no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class ErrorAnswersTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Test
    void anUnknownPathNamesNoInternalAddress() {
        clean(web.get().uri("/api/content/v1/nothing").exchange(), HttpStatus.NOT_FOUND);
        clean(web.get().uri("/nothing/here").exchange(), HttpStatus.NOT_FOUND);
    }

    @Test
    void theOtherDefaultErrorsAreCleanToo() {
        clean(web.delete().uri("/api/content/v1/revision").header("Authorization", TOKEN).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED);
        clean(web.get().uri("/api/content/v1/revision").accept(MediaType.APPLICATION_XML).exchange(),
                HttpStatus.NOT_ACCEPTABLE);
        clean(web.post().uri("/api/content/v1/pages").header("Authorization", TOKEN).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        clean(web.post().uri("/api/content/v1/pages").header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"lang\":\"en\",\"body\":\"" + "y".repeat(300_000)
                        + "\"}").exchange(), HttpStatus.CONTENT_TOO_LARGE);
        clean(web.post().uri("/api/content/v1/pages").header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{bad").exchange(), HttpStatus.BAD_REQUEST);
        clean(web.post().uri("/api/content/v1/pages").header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"permalink\":{\"a\":1}}").exchange(),
                HttpStatus.BAD_REQUEST).jsonPath("$.field").isEqualTo("permalink");
        clean(web.get().uri("/api/content/v1/pages?limit=many").exchange(), HttpStatus.BAD_REQUEST)
                .jsonPath("$.field").isEqualTo("limit");
    }

    @Test
    void aMalformedMultipartUploadIsABadRequest() {
        clean(web.post().uri("/api/content/v1/imports?dryRun=true&wait=true").header("Authorization", TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=XYZ").bodyValue("garbage").exchange(),
                HttpStatus.BAD_REQUEST);
        clean(web.post().uri("/api/content/v1/imports?dryRun=true&wait=true").header("Authorization", TOKEN)
                .header("Content-Type", "multipart/form-data").bodyValue("--XYZ\r\n").exchange(),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void anErrorAskedForAsHtmlIsStillAProblem() {
        web.get().uri("/api/content/v1/pages?year=99999").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/nothing/here").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    @Test
    void theOpenApiDocumentNamesNoServerAddress() {
        web.get().uri("/api/content/v1/openapi").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.info.title").isEqualTo("GBIF.be content-service API");
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
