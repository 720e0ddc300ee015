package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small site with images, an SVG, a PDF and a README is imported as a zip; its files are served by path with
 * a content-hash ETag, 304s, caching, their types, a sandbox, and resized copies; a re-import writes only what
 * changed and prunes what is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-assets",
        "portal.content.load-demo=false", "portal.content.assets.max-pixels=30000000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetApiTests {

    static final String TOKEN = "Bearer test-editor-secret";
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

    @Autowired
    WebTestClient web;

    final byte[] photo = TestImages.image("jpg", 2000, 1000, false);
    final byte[] logo = TestImages.image("png", 300, 100, true);
    final byte[] bomb = TestImages.pngBomb(100_000, 100_000);
    JsonNode first;

    @BeforeAll
    void importTheSite() {
        first = upload(site(Map.of()));
    }

    Map<String, byte[]> site(Map<String, byte[]> changes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("site/_config.yml", "title: Test\n".getBytes(StandardCharsets.UTF_8));
        files.put("site/en/about.md", "---\ntitle: About\npermalink: /about\n---\nHello\n".getBytes(StandardCharsets.UTF_8));
        files.put("site/README.md", "# Not a page\n".getBytes(StandardCharsets.UTF_8));
        files.put("site/assets/images/photo.jpg", photo);
        files.put("site/assets/images/logo.png", logo);
        files.put("site/assets/images/bomb.png", bomb);
        files.put("site/assets/images/evil.svg", SVG.getBytes(StandardCharsets.UTF_8));
        files.put("site/assets/docs/report.pdf", "%PDF-1.4 tiny".getBytes(StandardCharsets.UTF_8));
        files.put("site/assets/css/theme.scss", "---\n---\nbody { color: red }\n".getBytes(StandardCharsets.UTF_8));
        files.put("site/_drafts/secret.png", logo);
        files.put("site/.github/icon.png", logo);
        files.putAll(changes);
        files.values().removeIf(v -> v.length == 0);
        return files;
    }

    JsonNode upload(Map<String, byte[]> files) {
        return web.post().uri("/api/content/v1/imports?name=site.zip&wait=true").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(TestImages.zip(files)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    EntityExchangeResult<byte[]> get(String path) {
        return web.get().uri("/api/content/v1/assets/" + path).exchange().expectBody(byte[].class).returnResult();
    }

    @Test
    void importsEveryFileJekyllCopiesAndNothingElse() {
        assertThat(first.get("counts").get("asset").get("").asInt()).isEqualTo(6);
        assertThat(first.toString()).contains("assets/css/theme.scss").doesNotContain("secret.png");
        get("assets/images/photo.jpg").assertWithDiagnostics(() -> { });
        web.get().uri("/api/content/v1/assets/README.md").exchange().expectStatus().isOk()
                .expectHeader().contentType("text/markdown;charset=UTF-8");
        web.get().uri("/api/content/v1/assets/_drafts/secret.png").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/assets/.github/icon.png").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/assets/assets/css/theme.scss").exchange().expectStatus().isNotFound();
    }

    @Test
    void servesTheBytesWithTypeHashAndCaching() {
        EntityExchangeResult<byte[]> result = get("assets/images/photo.jpg");
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseBody()).isEqualTo(photo);
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(headers.getContentLength()).isEqualTo(photo.length);
        assertThat(headers.getETag()).matches("\"[0-9a-f]{32}\"");
        assertThat(headers.getCacheControl()).isEqualTo("max-age=600, public");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(get("assets/docs/report.pdf").getResponseHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PDF);
    }

    @Test
    void aMatchingIfNoneMatchIsA304AndAFingerprintIsCachedForAYear() {
        String etag = get("assets/images/logo.png").getResponseHeaders().getETag();
        web.get().uri("/api/content/v1/assets/assets/images/logo.png").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        web.get().uri("/api/content/v1/assets/assets/images/logo.png").header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
                .exchange().expectStatus().isOk();
        String fingerprint = etag.substring(1, 17);
        web.get().uri("/api/content/v1/assets/assets/images/logo.png?v=" + fingerprint).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable");
        web.get().uri("/api/content/v1/assets/assets/images/logo.png?v=0000000000000000").exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=600, public");
    }

    @Test
    void headAnswersTheHeadersWithoutTheBytes() {
        web.head().uri("/api/content/v1/assets/assets/images/photo.jpg").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG).expectHeader().exists(HttpHeaders.ETAG)
                .expectBody().isEmpty();
    }

    @Test
    void anSvgIsSandboxedSoItsScriptNeverRuns() {
        web.get().uri("/api/content/v1/assets/assets/images/evil.svg").exchange().expectStatus().isOk()
                .expectHeader().contentType("image/svg+xml")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("sandbox")
                        .contains("default-src 'none'"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theListGivesEachFilesTypeSizeFingerprintAndImageSize() {
        JsonNode list = web.get().uri("/api/content/v1/assets").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("count").asInt()).isEqualTo(6);
        JsonNode photo = null;
        for (JsonNode item : list.get("results")) {
            if (item.get("path").asString().equals("assets/images/photo.jpg")) {
                photo = item;
            }
        }
        assertThat(photo).isNotNull();
        assertThat(photo.get("width").asInt()).isEqualTo(2000);
        assertThat(photo.get("height").asInt()).isEqualTo(1000);
        assertThat(photo.get("contentType").asString()).isEqualTo("image/jpeg");
        String etag = get("assets/images/photo.jpg").getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"" + photo.get("fingerprint").asString());
        assertThat(list.get("results").get(0).get("path").asString()).isEqualTo("README.md");
    }

    @Test
    void aMissingFileIsASmall404() {
        web.get().uri("/api/content/v1/assets/assets/images/none.png").exchange().expectStatus().isNotFound()
                .expectBody().consumeWith(b -> assertThat(b.getResponseBody()).hasSizeLessThan(400));
    }

    @Test
    void resizedCopiesAreMadeOnceInTheWidthsAsked() throws IOException {
        EntityExchangeResult<byte[]> small = get("assets/images/photo.jpg?w=480");
        assertThat(small.getStatus().value()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(small.getResponseBody()));
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(small.getResponseBody().length).isLessThan(photo.length / 3);
        String etag = small.getResponseHeaders().getETag();
        assertThat(etag).endsWith("-w480\"");
        assertThat(get("assets/images/photo.jpg?w=480").getResponseBody()).isEqualTo(small.getResponseBody());
        web.get().uri("/api/content/v1/assets/assets/images/photo.jpg?w=480").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified();
        // a transparent PNG stays a PNG; one not wider than asked is sent as it is
        EntityExchangeResult<byte[]> logo480 = get("assets/images/logo.png?w=480");
        assertThat(logo480.getResponseBody()).isEqualTo(logo);
        web.get().uri("/api/content/v1/assets/assets/images/photo.jpg?w=500").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("w");
    }

    @Test
    void anImageOverThePixelLimitIsNeverDecoded() {
        EntityExchangeResult<byte[]> result = get("assets/images/bomb.png?w=480");
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseBody()).isEqualTo(bomb);
        assertThat(result.getResponseHeaders().getETag()).doesNotContain("-w");
    }

    @Test
    void aReimportWritesOnlyWhatChangedAndPrunesWhatIsGone() {
        byte[] newLogo = TestImages.image("png", 200, 100, true);
        JsonNode again = upload(site(Map.of("site/assets/images/logo.png", newLogo,
                "site/assets/docs/report.pdf", new byte[0])));
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(1);
        assertThat(again.get("deleted").asInt()).isEqualTo(1);
        assertThat(get("assets/images/logo.png").getResponseBody()).isEqualTo(newLogo);
        web.get().uri("/api/content/v1/assets/assets/docs/report.pdf").exchange().expectStatus().isNotFound();
        // put back as it was, for the other tests
        JsonNode back = upload(site(Map.of()));
        assertThat(back.get("created").asInt()).isEqualTo(1);
        assertThat(back.get("updated").asInt()).isEqualTo(1);
    }
}
