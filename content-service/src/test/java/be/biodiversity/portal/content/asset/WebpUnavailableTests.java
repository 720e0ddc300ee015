package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where libwebp cannot be loaded (here: an encoder failing as webp-imageio does without its native library, with an
 * {@link UnsatisfiedLinkError}), an import with images works, the list offers no WebP, and a page that still asks for
 * one (rendered before) gets the JPEG of the width it asked, to be checked again later — never an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-webp-unavailable",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class WebpUnavailableTests {

    @TestConfiguration
    static class NoNativeLibrary {

        @Bean
        @Primary
        WebpEncoder webpWithoutLibwebp() {
            return new WebpEncoder(() -> {
                throw new UnsatisfiedLinkError("'long com.luciad.imageio.webp.WebPEncoderOptions.createConfig()'");
            });
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void theImportAndEveryRequestWorkWithJpegsInPlaceOfWebp() throws IOException {
        byte[] photo = TestImages.image("jpg", 1200, 600, false);
        JsonNode report = web.post().uri("/api/content/v1/imports?name=site.zip&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(TestImages.zip(Map.of("site/_config.yml", "title: T\n".getBytes(StandardCharsets.UTF_8),
                        "site/assets/images/photo.jpg", photo)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.get("errors").asInt()).isZero();

        JsonNode list = web.get().uri("/api/content/v1/assets").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("results").get(0).get("width").asInt()).isEqualTo(1200);
        assertThat(list.get("results").get(0).has("webp")).isFalse();

        EntityExchangeResult<byte[]> answer = web.get()
                .uri("/api/content/v1/assets/assets/images/photo.jpg?w=480&format=webp").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.getResponseBody()));
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(answer.getResponseHeaders().getETag()).endsWith("-w480\"");
        assertThat(answer.getResponseHeaders().getCacheControl()).as("checked again: another instance may make WebP")
                .isEqualTo("no-cache");
    }
}
