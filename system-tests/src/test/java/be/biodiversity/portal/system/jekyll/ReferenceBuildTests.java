package be.biodiversity.portal.system.jekyll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A Jekyll build's HTML files compared with the pages worked out from the source. */
class ReferenceBuildTests {

    @TempDir
    Path dir;

    @Test
    void listsPagesNotRedirectsOrAssetsAndSaysWhatTheCalculationMissed() throws IOException {
        Path source = dir.resolve("site");
        write(source, "_config.yml", "permalink: pretty\n");
        write(source, "en/about.md", "---\npermalink: /about\n---\n");
        write(source, "en/extra.md", "---\ntitle: extra\n---\n");
        Path built = dir.resolve("built");
        write(built, "about.html", "<html><title>About</title></html>");
        write(built, "news/index.html", "<html><title>News</title></html>");
        write(built, "old/index.html", "<!DOCTYPE html><meta http-equiv=\"refresh\" content=\"0; url=/about\">");
        write(built, "assets/theme/demo.html", "<html></html>");

        ReferenceBuild reference = ReferenceBuild.find(built).orElseThrow();
        ReferenceBuild.Differences differences = reference.compare(JekyllSite.read(source, LocalDate.of(2026, 1, 1)));

        assertThat(reference.pages()).containsOnlyKeys("about.html", "news/index.html");
        assertThat(differences.missed()).containsExactly("news/index.html");
        assertThat(differences.extra()).containsExactly("en/extra/index.html");
        assertThat(ReferenceBuild.find(dir.resolve("absent"))).isEmpty();
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
