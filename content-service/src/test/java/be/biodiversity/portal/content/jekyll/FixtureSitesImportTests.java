package be.biodiversity.portal.content.jekyll;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.testsupport.Skips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two real hosted portals of {@code ../shared/fixtures} import with default settings and no error: GBIF.be
 * (en, fr, nl) and hp-template, the repository every hosted portal starts from (its {@code _config.yml} gives
 * {@code email:} twice and its defaults and {@code _data/languages.yml} declare ten languages). Each import replaces
 * the one before. Skipped, saying so, without the fixtures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-fixture-sites",
        "portal.content.load-demo=true" })
@AutoConfigureWebTestClient(timeout = "PT120S")
class FixtureSitesImportTests {

    @Autowired
    JekyllImporter importer;

    @Autowired
    Languages languages;

    @Autowired
    WebTestClient web;

    private static Path fixture(String name) {
        for (String candidate : new String[] { "../../shared/fixtures/", "../shared/fixtures/" }) {
            if (Files.isDirectory(Path.of(candidate + name))) {
                return Path.of(candidate + name).toAbsolutePath().normalize();
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = { "hp-template", "hp-gbif-be" })
    void importsWithDefaultSettingsAndNoError(String name) {
        Path folder = fixture(name);
        Skips.unless(folder != null, "Skipped: the " + name + " fixture is not at ../shared/fixtures/" + name);
        ImportReport report = importer.importFolder(folder, false, true, "test").block();
        assertThat(report.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR).isEmpty();
        assertThat(report.errors()).isZero();
        assertThat(report.imported()).isTrue();
        web.get().uri("/api/content/v1/pages?lang=en&path=/").exchange().expectStatus().isOk();
        if (name.equals("hp-template")) {
            assertThat(report.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("_config.yml");
                assertThat(p.message()).contains("'email'");
            });
            assertThat(languages.languages()).startsWith("en").contains("da", "es", "zh-tw", "ja");
            // the demo and the other site are gone: the template has no /community page
            web.get().uri("/api/content/v1/pages?lang=en&path=/community").exchange().expectStatus().isNotFound();
        }
        else {
            assertThat(languages.languages()).startsWith("en").contains("fr", "nl");
            web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/community").exchange().expectStatus().isOk();
            web.get().uri("/api/content/v1/pages?lang=fr&path=/fr/post/2025/eca25").exchange().expectStatus().isOk();
        }
    }
}
