package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import never puts a page where the portal answers itself — render-service's routes as well as the services'
 * own paths, also after a language prefix the imported site brings — and never refuses the site for it: each such
 * page is a warning naming its file, the line of its {@code permalink} and why, and the rest is imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-reserved-import",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class ReservedPathImportTests {

    @Autowired
    WebTestClient web;

    private static String page(String lang, String permalink) {
        return "---\ntitle: Reserved\nlang: " + lang + "\npermalink: " + permalink + "\n---\nReserved path.\n";
    }

    @Test
    void pagesAtThePortalsRoutesAreReportedWithTheirLineAndLeftOut() {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("_config.yml", "title: Reserved\n");
        site.put("_data/languages.yml", "en:\n  label: English\nda:\n  label: Dansk\n");
        site.put("en/fine.md", page("en", "/fine-next-to-reserved"));
        Map<String, String> reserved = Map.of("en/search.md", "/search", "en/publisher.md", "/publisher/search",
                "en/dataset.md", "/dataset/_key_", "en/portal-css.md", "/assets/portal/site.css",
                "da/feed.md", "/da/feed.xml", "da/api.md", "/da/api/x", "da/occurrence.md", "/da/occurrence/search");
        reserved.forEach((file, permalink) -> site.put(file, page(file.startsWith("da/") ? "da" : "en", permalink)));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        site.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));

        ImportReport report = web.post().uri("/api/content/v1/imports?name=site.zip&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(Archives.zip(bytes)).exchange()
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report.imported()).isTrue();
        reserved.forEach((file, permalink) -> assertThat(report.problems()).as(file)
                .filteredOn(p -> p.file().equals(file) && p.message().contains("is reserved"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).as("the line of permalink").isEqualTo(4);
                    assertThat(p.action()).isEqualTo(Problem.SKIPPED);
                    assertThat(p.message()).contains("'" + permalink + "'").contains("the portal");
                }));
        reserved.forEach((file, permalink) -> web.get().uri(uri -> uri.path("/api/content/v1/pages")
                .queryParam("lang", file.startsWith("da/") ? "da" : "en").queryParam("path", permalink).build())
                .exchange().expectStatus().isNotFound());
        web.get().uri("/api/content/v1/pages?lang=en&path=/fine-next-to-reserved").exchange().expectStatus().isOk();
    }
}
