package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceReaderTests {

    private static final ImportProperties.Limits LIMITS = new ImportProperties.Limits(50, 10_000, 5_000);

    private static List<SourceFile> read(byte[] archive) {
        return SourceReader.archive("site.zip", archive, LIMITS);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheContentFilesOfAGitHubZipWithoutItsTopFolder() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("hp-main/_config.yml", text("title: x\n"));
        files.put("hp-main/en/about.md", text("---\ntitle: About\n---\nHi\n"));
        files.put("hp-main/assets/logo.png", new byte[4000]);
        assertThat(read(Archives.zip(files))).extracting(SourceFile::path)
                .containsExactly("_config.yml", "en/about.md");
        assertThat(SourceReader.archive("s.tar.gz", Archives.tarGz(files, null, null), LIMITS))
                .extracting(SourceFile::path).containsExactly("_config.yml", "en/about.md");
    }

    @Test
    void tellsEachEntryAsItIsReadSoThatALargeSiteIsKnownEarly(@TempDir Path folder) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("_config.yml", text("title: x\n"));
        files.put("en/about.md", text("---\ntitle: About\n---\nHi\n"));
        files.put("assets/logo.png", new byte[40]);
        List<Integer> told = new ArrayList<>();
        SourceReader.archive("s.zip", Archives.zip(files), LIMITS, null, told::add);
        assertThat(told).containsExactly(1, 2, 3);
        told.clear();
        SourceReader.archive("s.tar.gz", Archives.tarGz(files, null, null), LIMITS, null, told::add);
        assertThat(told).containsExactly(1, 2, 3);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.createDirectories(folder.resolve(file.getKey()).getParent());
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        told.clear();
        SourceReader.folder(folder, LIMITS, null, told::add);
        assertThat(told).containsExactly(1, 2, 3);
    }

    @Test
    void refusesAnEntryOutsideTheRoot() {
        assertThatThrownBy(() -> read(Archives.zip(Map.of("en/../../etc/passwd.md", text("x")))))
                .isInstanceOf(ArchiveRejectedException.class).hasMessageContaining("en/../../etc/passwd.md")
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> read(Archives.zip(Map.of("/abs/page.md", text("x")))))
                .isInstanceOf(ArchiveRejectedException.class).hasMessageContaining("outside");
    }

    @Test
    void refusesLinks() {
        byte[] archive = Archives.tarGz(Map.of("en/a.md", text("---\n---\n")), "en/secret.md", "/etc/shadow");
        assertThatThrownBy(() -> SourceReader.archive("s.tar.gz", archive, LIMITS))
                .isInstanceOf(ArchiveRejectedException.class).hasMessageContaining("en/secret.md")
                .hasMessageContaining("link");
    }

    @Test
    void refusesSymbolicLinksInAZip() {
        byte[] archive = Archives.zipWithSymlink(Map.of("site/en/a.md", text("---\n---\n")), "site/en/secret.md",
                "/etc/shadow");
        assertThatThrownBy(() -> read(archive)).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("site/en/secret.md").hasMessageContaining("link");
    }

    @Test
    void readsEveryFileOfIncludesWhateverItsExtension() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("_config.yml", text("title: x\n"));
        files.put("_includes/icon.svg", text("<svg/>"));
        files.put("_includes/blocks/hero.liquid", text("{{ include.title }}"));
        files.put("assets/icon.svg", text("<svg/>"));
        assertThat(read(Archives.zip(files))).extracting(SourceFile::path)
                .containsExactlyInAnyOrder("_config.yml", "_includes/icon.svg", "_includes/blocks/hero.liquid");
    }

    @Test
    void refusesTooManyFilesAndTooManyBytes() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("assets/" + i + ".png", new byte[1]);
        }
        assertThatThrownBy(() -> read(Archives.zip(many))).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("more than 50 files");
        // a small archive that inflates beyond the limit: a zip bomb in miniature
        assertThatThrownBy(() -> read(Archives.zip(Map.of("en/big.md", new byte[6_000]))))
                .isInstanceOf(ArchiveRejectedException.class).hasMessageContaining("en/big.md")
                .hasMessageContaining("larger than 5000 bytes");
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            bytes.put("en/p" + i + ".md", new byte[4_000]);
        }
        assertThatThrownBy(() -> read(Archives.zip(bytes))).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("more than 10000 bytes uncompressed");
    }

    @Test
    void refusesWhatIsNoArchive() {
        assertThatThrownBy(() -> read(text("hello"))).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("neither a .zip nor a .tar.gz");
    }

    @Test
    void refusesAnArchiveWithoutFilesRatherThanImportAnEmptySite() {
        // what a damaged upload looks like: the zip signature, then no readable entry
        assertThatThrownBy(() -> read(text("PK\u0003\u0004 not really a zip"))).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("is not a readable archive");
        assertThatThrownBy(() -> read(Archives.zip(Map.of()))).isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("holds no files");
    }
}
