package be.biodiversity.portal.system.jekyll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.biodiversity.portal.testsupport.Skips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calculation checked against real Jekyll: for the two hosted-portal sites in {@code ../shared/fixtures}, every
 * page the reference build wrote is on the list worked out from the source; differences are printed.
 */
class HostedPortalSitesTests {

    static final Path FIXTURES = Path.of(System.getProperty("portal.root", "..")).resolve("../shared/fixtures")
            .normalize();

    @ParameterizedTest
    @ValueSource(strings = { "hp-gbif-be", "hp-template" })
    void findsEveryPageTheReferenceBuildWrote(String name) {
        Path site = FIXTURES.resolve(name);
        Path reference = FIXTURES.resolve("jekyll-reference").resolve(name);
        Skips.unless(Files.isDirectory(site) && Files.isDirectory(reference),
                "SKIPPED: " + site + " or " + reference + " is absent; the page list was not checked against Jekyll");

        JekyllSite jekyll = JekyllSite.read(site, LocalDate.now());
        ReferenceBuild.Differences differences = ReferenceBuild.find(reference).orElseThrow().compare(jekyll);

        System.out.println("[" + name + "] " + jekyll.pages().size() + " pages worked out from the source; not in "
                + "Jekyll's build: " + differences.extra() + "; in Jekyll's build, not worked out: "
                + differences.missed());
        assertThat(differences.missed()).as("pages Jekyll wrote that the calculation misses").isEmpty();
        assertThat(differences.extra()).as("pages the calculation lists that Jekyll did not write").isEmpty();
    }
}
