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
 * a content-hash ETag, 304s, caching, their types, a sandbox, resized copies and WebP copies; a re-import writes only
 * what changed and prunes what is gone.
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
    final byte[] squeezed = TestImages.squeezedJpeg(600, 400);
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
        files.put("site/assets/images/squeezed.jpg", squeezed);
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
        assertThat(first.get("counts").get("asset").get("").asInt()).isEqualTo(7);
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
        assertThat(list.get("count").asInt()).isEqualTo(7);
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

    @Test
    void aWebpCopyIsMadeOnceKeptWithItsOwnEtagAndCachedLikeTheFile() throws IOException {
        String fingerprint = get("assets/images/photo.jpg").getResponseHeaders().getETag().substring(1, 17);
        byte[] jpeg480 = get("assets/images/photo.jpg?w=480").getResponseBody();

        EntityExchangeResult<byte[]> webp = get("assets/images/photo.jpg?w=480&format=webp&v=" + fingerprint);

        assertThat(webp.getStatus().value()).isEqualTo(200);
        HttpHeaders headers = webp.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.parseMediaType("image/webp"));
        byte[] bytes = webp.getResponseBody();
        assertThat(WebpEncoder.isWebp(bytes)).as("a RIFF/WEBP file").isTrue();
        assertThat(headers.getContentLength()).isEqualTo(bytes.length);
        BufferedImage image = WebpEncoderTests.decode(bytes);
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(bytes.length).as("smaller than the JPEG it replaces").isLessThan(jpeg480.length);
        assertThat(headers.getETag()).isEqualTo("\"" + headers.getETag().substring(1, 33) + "-w480-webp\"")
                .startsWith("\"" + fingerprint);
        assertThat(headers.getCacheControl()).isEqualTo("max-age=31536000, public, immutable");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(get("assets/images/photo.jpg?w=480&format=webp").getResponseBody()).as("kept, not made again")
                .isEqualTo(bytes);
        web.get().uri("/api/content/v1/assets/assets/images/photo.jpg?w=480&format=webp")
                .header(HttpHeaders.IF_NONE_MATCH, headers.getETag()).exchange().expectStatus().isNotModified();

        // a transparent PNG at its own size: a lossless WebP
        EntityExchangeResult<byte[]> logo = get("assets/images/logo.png?format=webp");
        assertThat(logo.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("image/webp"));
        assertThat(logo.getResponseBody().length).isLessThan(this.logo.length);
        assertThat(WebpEncoderTests.decode(logo.getResponseBody()).getColorModel().hasAlpha()).isTrue();
        assertThat(logo.getResponseHeaders().getETag()).matches("\"[0-9a-f]{32}-webp\"");
    }

    @Test
    void aWebpNoSmallerThanTheJpegIsNotKeptAndTheJpegIsAnsweredForIt() {
        EntityExchangeResult<byte[]> full = get("assets/images/squeezed.jpg?format=webp");
        assertThat(full.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(full.getResponseBody()).isEqualTo(squeezed);
        assertThat(full.getResponseHeaders().getETag()).doesNotContain("webp");
        EntityExchangeResult<byte[]> narrow = get("assets/images/squeezed.jpg?w=480&format=webp");
        assertThat(narrow.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(narrow.getResponseBody()).isEqualTo(get("assets/images/squeezed.jpg?w=480").getResponseBody());
        assertThat(narrow.getResponseHeaders().getETag()).endsWith("-w480\"");
        assertThat(narrow.getResponseHeaders().getCacheControl()).isEqualTo("max-age=600, public");
        // every copy a page asks for came out larger: the list no longer offers WebP for it
        assertThat(listed("assets/images/squeezed.jpg").has("webp")).isFalse();
    }

    @Test
    void theListOffersWebpForJpegsAndPngsOnlyAndAnotherFormatIsA400() {
        assertThat(listed("assets/images/photo.jpg").get("webp").asBoolean()).isTrue();
        assertThat(listed("assets/images/logo.png").get("webp").asBoolean()).isTrue();
        assertThat(listed("assets/images/evil.svg").has("webp")).isFalse();
        assertThat(listed("assets/images/bomb.png").has("webp")).as("over the pixel limit").isFalse();
        EntityExchangeResult<byte[]> svg = get("assets/images/evil.svg?format=webp");
        assertThat(svg.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("image/svg+xml"));
        web.get().uri("/api/content/v1/assets/assets/images/photo.jpg?format=avif").exchange().expectStatus()
                .isBadRequest().expectBody().jsonPath("$.field").isEqualTo("format");
    }

    JsonNode listed(String path) {
        JsonNode list = web.get().uri("/api/content/v1/assets").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode item : list.get("results")) {
            if (item.get("path").asString().equals(path)) {
                return item;
            }
        }
        throw new AssertionError(path + " is not listed");
    }
}
