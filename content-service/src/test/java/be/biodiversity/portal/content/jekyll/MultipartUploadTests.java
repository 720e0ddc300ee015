package be.biodiversity.portal.content.jekyll;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multipart imports whose parts are not what an import needs: each is a 400 problem naming the part by its position
 * (HostileInputIT found a part without headers answered 500, and a part named {@code file} without a file name was
 * a 500 too), and nothing is stored; other named parts beside the file are fine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-multipart",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class MultipartUploadTests {

    static final String FILE_HEAD = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.zip\"\r\n"
            + "Content-Type: application/zip\r\n\r\n";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private List<Long> database() {
        return List.of("pages", "pageRevisions", "siteData", "siteDataRevisions", "siteRevision", "importJobs").stream()
                .map(c -> mongo.count(new Query(), c).block()).toList();
    }

    private static byte[] body(String before, byte[] archive, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(archive);
        out.writeBytes(after.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] site() {
        return Archives.zip(Archives.files(OwnSiteImportTests.SITE, ""));
    }

    private WebTestClient.ResponseSpec upload(byte[] body) {
        return web.post().uri("/api/content/v1/imports?wait=true").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=b").bodyValue(body).exchange();
    }

    static Stream<Arguments> unusableParts() {
        String none = "";
        return Stream.of(
                Arguments.of("a part without headers", "--b\r\n\r\n\r\n--b--\r\n", none, "part 1"),
                Arguments.of("a part without headers before the file", "--b\r\n\r\nx\r\n" + FILE_HEAD,
                        "\r\n--b--\r\n", "part 1"),
                Arguments.of("a part without headers after the file", FILE_HEAD, "\r\n--b\r\n\r\nx\r\n--b--\r\n",
                        "part 2"),
                Arguments.of("form-data without a name", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n",
                        none, "part 1"),
                Arguments.of("headers but no Content-Disposition", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n",
                        none, "part 1"),
                Arguments.of("an attachment without a name",
                        "--b\r\nContent-Disposition: attachment; filename=\"a.zip\"\r\n\r\nx\r\n--b--\r\n", none, "part 1"),
                Arguments.of("an empty name",
                        "--b\r\nContent-Disposition: form-data; name=\"\"; filename=\"a.zip\"\r\n\r\nx\r\n--b--\r\n", none,
                        "part 1"),
                Arguments.of("two file parts", FILE_HEAD, "\r\n" + FILE_HEAD + "x\r\n--b--\r\n", "part 2"),
                Arguments.of("a file part without a file name",
                        "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n"
                                + "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n", "\r\n--b--\r\n", "part 2"),
                Arguments.of("no file part", "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n",
                        none, "file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableParts")
    void aPartAnImportCannotUseIsA400NamingItAndChangesNothing(String what, String before, String after, String part) {
        List<Long> stored = database();
        boolean withSite = before.endsWith("\r\n\r\n");
        upload(body(before, withSite ? site() : new byte[0], after))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.file").isEqualTo(part)
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith(part + ": "));
        assertThat(database()).as(what).isEqualTo(stored);
    }

    @Test
    void theSiteInItsFilePartIsImported() {
        upload(body("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n" + FILE_HEAD, site(),
                "\r\n--b--\r\n"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.source").isEqualTo("site.zip").jsonPath("$.imported").isEqualTo(true);
    }
}
