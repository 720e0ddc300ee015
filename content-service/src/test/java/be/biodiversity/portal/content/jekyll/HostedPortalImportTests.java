package be.biodiversity.portal.content.jekyll;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import be.biodiversity.portal.testsupport.Skips;

/**
 * Imports the snapshot of the real GBIF.be repository ({@code ../shared/fixtures/hp-gbif-be}, or the folder in
 * the system property {@code portal.fixtures.hp-gbif-be}) through the start-up path (a folder). Skipped, saying
 * so, when the folder is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-hp-gbif-be",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "fixturePresent", disabledReason = "Skipped: the hp-gbif-be fixture folder is absent (looked for "
        + "../shared/fixtures/hp-gbif-be next to the project; set -Dportal.fixtures.hp-gbif-be=<folder>)")
class HostedPortalImportTests extends ImportedSiteContract {

    static final Path FIXTURE = locate();

    @Autowired
    JekyllImporter importer;

    private FixtureFiles files;
    private ImportReport first;

    static Path locate() {
        String property = System.getProperty("portal.fixtures.hp-gbif-be");
        if (property != null) {
            return Path.of(property);
        }
        for (String candidate : new String[] { "../../shared/fixtures/hp-gbif-be", "../shared/fixtures/hp-gbif-be" }) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        return Path.of("../../shared/fixtures/hp-gbif-be").toAbsolutePath().normalize();
    }

    static boolean fixturePresent() {
        boolean present = Files.isDirectory(FIXTURE);
        if (!present) {
            System.err.println("[HostedPortalImportTests] skipped: no hp-gbif-be fixture at " + FIXTURE
                    + " (set -Dportal.fixtures.hp-gbif-be=<folder>)");
        }
        return present;
    }

    @BeforeAll
    void importTheFixture() {
        Skips.unless(Files.isDirectory(FIXTURE), "Skipped: the hp-gbif-be fixture is not at " + FIXTURE
                + " (set -Dportal.fixtures.hp-gbif-be=<folder> to point at it)");
        files = FixtureFiles.read(FIXTURE, LANGUAGES);
        first = importer.importFolder(FIXTURE, false, true, "test").block();
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
        return importer.importFolder(FIXTURE, false, true, "test").block();
    }
}
