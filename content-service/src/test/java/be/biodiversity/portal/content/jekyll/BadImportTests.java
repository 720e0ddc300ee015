package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
 * One bad file never refuses a site: by default it is reported (file, line, action) and the rest is imported; with
 * {@code strict=true} the import is refused whole, a 422 naming the file and line, and the database exactly as
 * before. Unsafe archives are refused whole always (400).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-own-site",
        "portal.content.load-demo=false", "portal.content.import.max-files=500" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class BadImportTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    JekyllImporter importer;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The site plus one file. */
    private static byte[] siteWith(String path, String text) {
        Map<String, byte[]> files = new LinkedHashMap<>(Archives.files(OwnSiteImportTests.SITE, ""));
        files.put(path, utf8(text));
        return Archives.zip(files);
    }

    private List<Long> database() {
        return List.of("pages", "pageRevisions", "siteData", "siteDataRevisions", "siteRevision").stream()
                .map(c -> mongo.count(new Query(), c).block()).toList();
    }

    private WebTestClient.BodyContentSpec refused(byte[] archive, int status) {
        return refused(archive, status, "");
    }

    private WebTestClient.BodyContentSpec refused(byte[] archive, int status, String parameters) {
        List<Long> before = database();
        WebTestClient.BodyContentSpec body = web.post().uri("/api/content/v1/imports?name=site.zip&wait=true" + parameters)
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(archive).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        assertThat(database()).as("database unchanged").isEqualTo(before);
        return body;
    }

    /** Imported with default settings: the rest of the site is stored and the file's problem reported. */
    private ImportReport imported(byte[] archive, String file, Integer line, String action, String... message) {
        ImportReport report = web.post().uri("/api/content/v1/imports?name=site.zip&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(archive).exchange()
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(report.imported()).isTrue();
        assertThat(report.problems()).filteredOn(p -> p.file().equals(file)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            if (line != null) {
                assertThat(p.line()).isEqualTo(line);
            }
            assertThat(p.action()).isEqualTo(action);
            assertThat(p.message()).contains(message);
        });
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/about").exchange().expectStatus().isOk();
        return report;
    }

    private String page(String lang, String path) {
        return web.get().uri(uri -> uri.path("/api/content/v1/pages").queryParam("lang", lang).queryParam("path", path)
                .build()).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void malformedYamlInFrontMatter() {
        byte[] site = siteWith("en/broken.md", "---\ntitle: Broken\ncta: [a, b\n---\nText\n");
        refused(site, 422, "&strict=true")
                .jsonPath("$.file").isEqualTo("en/broken.md")
                .jsonPath("$.line").value(line -> assertThat((Integer) line).isBetween(3, 4))
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("en/broken.md").contains("malformed YAML"))
                .jsonPath("$.report.imported").isEqualTo(false);
        imported(site, "en/broken.md", null, Problem.SKIPPED, "malformed YAML");
    }

    @Test
    void malformedYamlInADataFile() {
        byte[] site = siteWith("_data/nl/images.yml", "heath:\n  src: /a.jpg\n caption: x\n");
        refused(site, 422, "&strict=true").jsonPath("$.file").isEqualTo("_data/nl/images.yml").jsonPath("$.line").isEqualTo(3);
        imported(site, "_data/nl/images.yml", 3, Problem.SKIPPED, "malformed YAML");
    }

    @Test
    void aLanguageTheSiteDoesNotDeclareIsImportedInIt() {
        byte[] site = siteWith("de/about.md", "---\nlang: de\ntitle: Über uns\npermalink: /de/about\n---\nText\n");
        ImportReport report = web.post().uri("/api/content/v1/imports?name=site.zip&wait=true&strict=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(site).exchange()
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(report.problems()).filteredOn(p -> p.file().equals("de/about.md")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("'de'");
        });
        assertThat(page("de", "/de/about")).contains("Über uns");
    }

    @Test
    void aDuplicatePermalink() {
        byte[] site = siteWith("nl/zzz-copy.md", "---\ntitle: Kopie\npermalink: /nl/about/\n---\nText\n");
        refused(site, 422, "&strict=true")
                .jsonPath("$.file").isEqualTo("nl/zzz-copy.md").jsonPath("$.line").isEqualTo(3)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("/nl/about").contains("nl/about.md"));
        imported(site, "nl/zzz-copy.md", 3, Problem.SKIPPED, "/nl/about", "nl/about.md");
        assertThat(page("nl", "/nl/about")).doesNotContain("Kopie");
    }

    @Test
    void anOversizedBody() {
        byte[] site = siteWith("en/huge.md", "---\ntitle: Huge\n---\n" + "x".repeat(200_001));
        refused(site, 422, "&strict=true").jsonPath("$.file").isEqualTo("en/huge.md")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("body"));
        imported(site, "en/huge.md", null, Problem.SKIPPED, "body");
    }

    /** Issue 12 #3: a script is removed from the page and reported with its line; it no longer refuses the site. */
    @Test
    void aScriptInMarkdownIsRemovedAndReported() {
        web.post().uri("/api/content/v1/imports?name=site.zip&dryRun=true&wait=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(siteWith("en/xss.md", "---\ntitle: XSS\n---\nHello\n\n<script>alert(1)</script>\n")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.problems[?(@.file == 'en/xss.md')].line").value(l -> assertThat((List<Object>) l).containsExactly(6))
                .jsonPath("$.problems[?(@.file == 'en/xss.md')].message")
                .value(m -> assertThat((List<Object>) m).singleElement().asString().contains("<script> removed"));
    }

    /** The writer gets the pages without their files' text (only the checks read it); the problems keep their lines. */
    @Test
    void theWriterGetsThePagesWithoutTheirFilesText() {
        ReadSite site = importer.read(List.of(new SourceFile("_config.yml", utf8("title: x\n")),
                new SourceFile("en/a.md", utf8("---\ntitle: A\nlayout: nosuch\n---\nText\n"))));
        assertThat(site.items()).singleElement().satisfies(i -> assertThat(i.text()).isNull());
        assertThat(site.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("en/a.md");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("unknown layout 'nosuch'");
        });
    }

    @Test
    void aLiquidSyntaxErrorLeavesThatPageOut() {
        byte[] site = siteWith("en/liquid.md", "---\ntitle: Liquid\n---\nText\n\n{% if site.title %}never closed\n");
        refused(site, 422, "&strict=true").jsonPath("$.file").isEqualTo("en/liquid.md");
        imported(site, "en/liquid.md", null, Problem.SKIPPED, "Liquid");
    }

    @Test
    void aHostileArchive() {
        refused(Archives.zip(Map.of("_config.yml", utf8("title: x\n"), "../../outside.md", utf8("---\n---\n"))), 400)
                .jsonPath("$.file").isEqualTo("../../outside.md")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("outside the archive"));
        refused(Archives.tarGz(Map.of("en/a.md", utf8("---\ntitle: A\n---\n")), "en/link.md", "/etc/passwd"), 400)
                .jsonPath("$.file").isEqualTo("en/link.md");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 501; i++) {
            many.put("assets/img" + i + ".png", new byte[0]);
        }
        refused(Archives.zip(many), 400).jsonPath("$.detail").value(d -> assertThat((String) d).contains("more than 500 files"));
    }

    @Test
    void aMalformedMultipartUploadIsA400() {
        List<Long> before = database();
        web.post().uri("/api/content/v1/imports").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz")
                .bodyValue("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n\r\nPK\u0003\u0004 no end")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/content/v1/imports").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data").bodyValue("garbage")
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/api/content/v1/imports").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz").bodyValue("--xyz--\r\n")
                .exchange().expectStatus().isBadRequest();
        // A part with no headers at all, so no name (HostileInputIT found it answered 500).
        web.post().uri("/api/content/v1/imports").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=b").bodyValue("--b\r\n\r\n\r\n--b--\r\n")
                .exchange().expectStatus().isBadRequest();
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aZipWithASymbolicLinkIsRefused() {
        refused(Archives.zipWithSymlink(Archives.files(OwnSiteImportTests.SITE, ""), "en/secret.md", "/etc/passwd"), 400)
                .jsonPath("$.file").isEqualTo("en/secret.md")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("link"));
    }

    @Test
    void importsNeedTheEditorToken() {
        List<Long> before = database();
        web.post().uri("/api/content/v1/imports").contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(Archives.zip(Archives.files(OwnSiteImportTests.SITE, ""))).exchange()
                .expectStatus().isUnauthorized();
        assertThat(database()).isEqualTo(before);
    }
}
