package be.biodiversity.portal.content.jekyll;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the module's own small Jekyll-style site ({@code src/test/resources/jekyll/site}) as an uploaded zip,
 * the way an editor would, and checks the same contract as for the real repository, plus what a changed
 * repository does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-own-site",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnSiteImportTests extends ImportedSiteContract {

    static final Path SITE = site();

    private FixtureFiles files;
    private ImportReport first;

    static Path site() {
        try {
            return Path.of(OwnSiteImportTests.class.getResource("/jekyll/site/_config.yml").toURI()).getParent();
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @BeforeAll
    void importTheSite() {
        files = FixtureFiles.read(SITE, LANGUAGES);
        first = upload(Archives.zip(Archives.files(SITE, "site-main/")), "application/zip");
    }

    ImportReport upload(byte[] archive, String type) {
        return web.post().uri("/api/content/v1/imports?name=site.zip&wait=true").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.parseMediaType(type)).bodyValue(archive).exchange()
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
    }

    @Override
    FixtureFiles files() {
        return files;
    }

    @Override
    ImportReport firstImport() {
        return first;
    }

    @Override
    ImportReport importAgain() {
        return upload(Archives.tarGz(Archives.files(SITE, ""), null, null), "application/gzip");
    }

    @Test
    void reportsTheSitesProblemsWithFileAndLine() {
        assertThat(first.problems()).extracting(Problem::toString)
                .contains("en/data.md:5: unknown layout 'dataset-browser'")
                .anySatisfy(p -> assertThat(p).startsWith("en/data.md:8: Liquid refers to missing data: site.data.stats.datasets"))
                .anySatisfy(p -> assertThat(p).startsWith("en/data.md:8: internal link to /species/search"))
                .noneSatisfy(p -> assertThat(p).contains("notes/todo.md"))
                .noneSatisfy(p -> assertThat(p).contains("README.md"));
        assertThat(first.counts().get("data")).isEqualTo(Map.of("", 3, "fr", 1, "nl", 1));
    }

    @Test
    void aChangedRepositoryUpdatesOnlyWhatChanged() {
        Map<String, byte[]> files = new LinkedHashMap<>(Archives.files(SITE, ""));
        String about = new String(files.get("nl/about.md"), StandardCharsets.UTF_8);
        files.put("nl/about.md", about.replace("## Who we are", "## Wie we zijn").getBytes(StandardCharsets.UTF_8));
        files.put("nl/contact.md", "---\nlang-ref: contact\ntitle: Contact\npermalink: /nl/contact\n---\nMail ons.\n"
                .getBytes(StandardCharsets.UTF_8));
        ImportReport changed = upload(Archives.zip(files), "application/zip");
        assertThat(changed.created()).isEqualTo(1);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.deleted()).isZero();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/about").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.toc[0].text").isEqualTo("Wie we zijn")
                .jsonPath("$.id").value(id -> web.get().uri("/api/content/v1/pages/" + id + "/revisions").exchange()
                        .expectBody().jsonPath("$.length()").isEqualTo(2));

        files.remove("nl/contact.md");
        ImportReport removed = upload(Archives.zip(files), "application/zip");
        assertThat(removed.deleted()).isEqualTo(1);
        assertThat(removed.created() + removed.updated()).isZero();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/contact").exchange().expectStatus().isNotFound();

        ImportReport back = upload(Archives.zip(Archives.files(SITE, "")), "application/zip");
        assertThat(back.updated()).isEqualTo(1);
    }

    @Test
    void resolvedPagesCarryDataKramdownAttributesAndATableOfContents() {
        web.get().uri("/api/content/v1/pages?lang=fr&path=/fr/about").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.heroImage").isEqualTo("{{ site.data.images.dunes.src }}")
                .jsonPath("$.resolved.heroImage").isEqualTo("/assets/images/dunes.jpg")
                .jsonPath("$.html").value(html -> assertThat((String) html)
                        .contains("<img src=\"/assets/images/logos/a.png\" alt=\"Partner A\" height=\"60\" width=\"180\" />")
                        .contains("<i class=\"fa fa-envelope\"></i>").doesNotContain("{:"))
                .jsonPath("$.toc[1].id").isEqualTo("écrire-à-léquipe")
                .jsonPath("$.excerpt").value(e -> assertThat((String) e).startsWith("A small team"));
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl").exchange().expectBody()
                .jsonPath("$.html").value(html -> assertThat((String) html).contains("12345 records from 42 publishers"));
    }

    @Test
    void aMultipartDryRunReportsAndStoresNothing() {
        org.springframework.http.client.MultipartBodyBuilder form = new org.springframework.http.client.MultipartBodyBuilder();
        Map<String, byte[]> files = new LinkedHashMap<>(Archives.files(SITE, ""));
        files.put("nl/nieuw.md", "---\ntitle: Nieuw\npermalink: /nl/nieuw\n---\nTekst\n".getBytes(StandardCharsets.UTF_8));
        form.part("file", new org.springframework.core.io.ByteArrayResource(Archives.zip(files)) {
            @Override
            public String getFilename() {
                return "site.zip";
            }
        });
        web.post().uri("/api/content/v1/imports?dryRun=true&wait=true").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(true).jsonPath("$.imported").isEqualTo(false)
                .jsonPath("$.source").isEqualTo("site.zip").jsonPath("$.counts.page.nl").isEqualTo(4);
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/nieuw").exchange().expectStatus().isNotFound();
    }
}
