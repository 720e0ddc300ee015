package be.biodiversity.portal.content.asset;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files over the size limit, and those past the count or total limit, are reported one by one and left out; the
 * rest of the site, pages and files, is imported (never a refused import).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-asset-limits",
        "portal.content.load-demo=false", "portal.content.assets.max-file-bytes=2000",
        "portal.content.assets.max-files=3", "portal.content.assets.max-total-bytes=2500" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class AssetLimitsTests {

    @Autowired
    WebTestClient web;

    @Test
    void filesOverALimitAreReportedAndTheRestIsImported() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("_config.yml", "title: Test\n".getBytes(StandardCharsets.UTF_8));
        files.put("en/about.md", "---\ntitle: About\npermalink: /about\n---\nHello\n".getBytes(StandardCharsets.UTF_8));
        files.put("a/1.bin", new byte[1000]);
        files.put("a/2.bin", new byte[1000]);
        files.put("a/3.bin", new byte[1000]); // past the total: 3000 > 2500
        files.put("a/4.bin", new byte[10]);
        files.put("a/5.bin", new byte[10]); // past the count: 4 files kept would be more than 3
        files.put("a/big.bin", new byte[2001]);
        JsonNode report = web.post().uri("/api/content/v1/imports?name=site.zip&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(TestImages.zip(files)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        Map<String, String> skipped = new LinkedHashMap<>();
        report.get("problems").forEach(p -> {
            if ("skipped".equals(p.path("action").asString(""))) {
                skipped.put(p.get("file").asString(), p.get("message").asString());
            }
        });
        assertThat(skipped).containsOnlyKeys("a/3.bin", "a/5.bin", "a/big.bin");
        assertThat(skipped.get("a/big.bin")).contains("portal.content.assets.max-file-bytes");
        assertThat(skipped.get("a/3.bin")).contains("portal.content.assets.max-total-bytes");
        assertThat(skipped.get("a/5.bin")).contains("portal.content.assets.max-files");
        assertThat(report.get("imported").asBoolean()).isTrue();
        for (String path : List.of("a/1.bin", "a/2.bin", "a/4.bin")) {
            web.get().uri("/api/content/v1/assets/" + path).exchange().expectStatus().isOk();
        }
        web.get().uri("/api/content/v1/assets/a/big.bin").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/pages?lang=en&path=/about").exchange().expectStatus().isOk();
    }
}
