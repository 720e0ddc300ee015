package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request for a resized copy that is not made within {@code resize-wait} gets the file itself, marked so that
 * browsers do not keep it (never an error, never a year-long cache of the wrong size), and the copy is finished
 * for the next request. Here the wait is zero, so the first answer is always the provisional one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-resize-wait",
        "portal.content.load-demo=false", "portal.content.assets.resize-wait=0ms" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class ResizeWaitTests {

    @Autowired
    WebTestClient web;

    final byte[] photo = TestImages.image("jpg", 2000, 1000, false);

    @Test
    void aCopyNotReadyInTimeIsAnsweredByTheFileNotKeptAndServedResizedLater() throws IOException {
        web.post().uri("/api/content/v1/imports?name=site.zip&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(TestImages.zip(Map.of("site/_config.yml", "title: T\n".getBytes(StandardCharsets.UTF_8),
                        "site/assets/images/photo.jpg", photo)))
                .exchange().expectStatus().isOk();
        String fingerprint = get("").getResponseHeaders().getETag().substring(1, 17);

        EntityExchangeResult<byte[]> first = get("?w=480&v=" + fingerprint);
        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(first.getResponseBody()).isEqualTo(photo);
        assertThat(first.getResponseHeaders().getCacheControl()).isEqualTo("no-cache");

        EntityExchangeResult<byte[]> later = first;
        for (int i = 0; i < 200 && later.getResponseHeaders().getCacheControl().equals("no-cache"); i++) {
            Mono.delay(Duration.ofMillis(50)).block();
            later = get("?w=480&v=" + fingerprint);
        }
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(later.getResponseBody()));
        assertThat(copy.getWidth()).as("the copy made meanwhile").isEqualTo(480);
        assertThat(later.getResponseHeaders().getCacheControl()).isEqualTo("max-age=31536000, public, immutable");
        assertThat(later.getResponseHeaders().getETag()).endsWith("-w480\"");
    }

    EntityExchangeResult<byte[]> get(String query) {
        return web.get().uri("/api/content/v1/assets/assets/images/photo.jpg" + query).exchange()
                .expectBody(byte[].class).returnResult();
    }
}
