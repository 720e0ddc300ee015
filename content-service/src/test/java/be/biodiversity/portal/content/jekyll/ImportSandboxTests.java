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
 * An import with includes, and with files that have problems of their own: each such file is reported with its
 * line and left out (or imported with the offending tag empty), and the rest of the site is imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-import-sandbox",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class ImportSandboxTests {

    @Autowired
    WebTestClient web;

    /** 20 levels, each doubling the last: about a million values once expanded, from a few hundred bytes. */
    static final String YAML_BOMB = yamlBomb(20);

    static String yamlBomb(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [\"0123456789\", \"0123456789\"]\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String page(String permalink, String body) {
        return "---\ntitle: " + permalink + "\nlang: en\npermalink: " + permalink + "\n---\n" + body + "\n";
    }

    private ImportReport upload(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, utf8(text)));
        return web.post().uri("/api/content/v1/imports?name=site.zip&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(Archives.zip(bytes)).exchange()
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec get(String path) {
        return web.get().uri("/api/content/v1/pages?lang=en&path=" + path).exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void includesComeFromTheSiteAndFilesWithTheirOwnProblemsDoNotStopTheImport() {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("_config.yml", "title: Sandbox\nemail: first@example.org\nemail: last@example.org\n");
        site.put("_includes/note.html", "<p class=\"note\">{{ include.text }}</p>");
        site.put("en/ok.md", page("/en/ok", "{% include note.html text=\"Hello\" %}\n\nMail {{ site.email }}"));
        site.put("en/passwd.md", page("/en/passwd", "Intro\n\n{% include /etc/passwd %}\n\n{% include_relative ../../../proc/self/environ %}"));
        site.put("en/bomb.md", page("/en/bomb", "{% assign s = \"0123456789\" %}"
                + "{% assign s = s | append: s %}".repeat(26) + "{{ s }}"));
        site.put("_data/bomb.yml", YAML_BOMB);
        site.put("_data/xss.yml", "links:\n  - title: x\n    html: <img src=x onerror=alert(1)>\n");
        site.put("_data/fine.yml", "answer: 42\n");
        ImportReport report = upload(site);

        assertThat(report.imported()).isTrue();
        assertThat(report.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("_config.yml:3: the key 'email' is given twice"))
                .anySatisfy(p -> assertThat(p).startsWith("en/passwd.md:8: {% include /etc/passwd %}").endsWith("(imported)"))
                .anySatisfy(p -> assertThat(p).startsWith("en/passwd.md:10: {% include_relative ../../../proc/self/environ %}"))
                .anySatisfy(p -> assertThat(p).startsWith("en/bomb.md:6: in body: Liquid builds a string longer than")
                        .contains("portal.content.liquid.max-string-length").endsWith("(skipped)"))
                .anySatisfy(p -> assertThat(p).startsWith("_data/bomb.yml:17: expands to more than 2000000 characters").contains("portal.content.yaml.max-expanded-size")
                        .endsWith("(skipped)"))
                .anySatisfy(p -> assertThat(p).startsWith("_data/xss.yml:3: unsafe markup").endsWith("(skipped)"));

        get("/en/ok").jsonPath("$.html").value(html -> assertThat((String) html)
                .contains("<p class=\"note\">Hello</p>").contains("Mail last&#64;example.org"));
        get("/en/passwd").jsonPath("$.html").value(html -> assertThat((String) html).contains("Intro")
                .doesNotContain("root:").doesNotContain("PATH="))
                .jsonPath("$.resolved.problems[0].tag").isEqualTo("include");
        web.get().uri("/api/content/v1/pages?lang=en&path=/en/bomb").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/data/bomb").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/data/xss").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/data/fine").exchange().expectStatus().isOk();

        // the next import breaks ok.md: it keeps its earlier version, and is not pruned as a file that is gone
        site.put("en/ok.md", page("/en/ok", "{% for i in (1..1000000000) %}{{ i }}{% endfor %}"));
        site.put("_includes/note.html", "<p class=\"note\">{{ include.text }}!</p>");
        ImportReport again = upload(site);
        assertThat(again.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("en/ok.md:").contains("max-iterations").endsWith("(skipped)"));
        get("/en/ok").jsonPath("$.html").value(html -> assertThat((String) html).contains("<p class=\"note\">Hello!</p>"));
    }

    @Test
    void pagesAtThePortalsOwnPathsAreLeftOutWithAWarningAndTheRestIsImported() {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("_config.yml", "title: Reserved\n");
        site.put("en/fine.md", page("/en/fine-reserved-test", "Fine"));
        site.put("en/robots.md", page("/robots.txt", "Disallow: nothing"));
        site.put("en/api.md", page("/api/imported", "x"));
        site.put("en/actuator.md", page("/actuator/env", "x"));
        site.put("nl/feed.md", page("/nl/feed.xml", "x"));
        ImportReport report = upload(site);

        assertThat(report.imported()).isTrue();
        assertThat(report.problems()).filteredOn(p -> p.file().matches("(en/(robots|api|actuator)|nl/feed)\\.md"))
                // the site declares no language: nl/ is also reported as a folder named like an undeclared one
                .filteredOn(p -> !p.message().contains("looks like a language"))
                .hasSize(4).allSatisfy(p -> {
                    assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                    assertThat(p.action()).isEqualTo("skipped");
                    assertThat(p.message()).contains("is reserved");
                });
        for (String path : new String[] { "/robots.txt", "/api/imported", "/actuator/env" }) {
            web.get().uri(uri -> uri.path("/api/content/v1/pages").queryParam("lang", "en").queryParam("path", path)
                    .build()).exchange().expectStatus().isNotFound();
        }
        get("/en/fine-reserved-test").jsonPath("$.html").value(html -> assertThat((String) html).contains("Fine"));
    }
}
