package be.biodiversity.portal.content.jekyll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What a Jekyll-style fixture holds, read by the tests on their own (plain SnakeYAML, not the importer), so the
 * import is checked against the files rather than against numbers written into the tests.
 */
record FixtureFiles(List<FileEntry> pages, List<FileEntry> datedPosts, List<FileEntry> undatedPosts,
        Map<String, Object> images) {

    /** A content file: its path, language (from its folder), and front matter. */
    record FileEntry(String path, String lang, Map<String, Object> frontMatter) {

        String text(String key) {
            Object value = frontMatter.get(key);
            return value == null ? null : String.valueOf(value);
        }
    }

    static FixtureFiles read(Path root, List<String> languages) {
        List<FileEntry> pages = new ArrayList<>();
        List<FileEntry> dated = new ArrayList<>();
        List<FileEntry> undated = new ArrayList<>();
        for (String lang : languages) {
            for (Path file : markdown(root.resolve(lang))) {
                frontMatter(file).ifPresent(fm -> pages.add(new FileEntry(rel(root, file), lang, fm)));
            }
            Path posts = lang.equals(languages.get(0)) ? root.resolve("_posts") : root.resolve("_posts").resolve(lang);
            for (Path file : markdown(posts)) {
                if (!file.getParent().equals(posts)) {
                    continue;
                }
                var fm = frontMatter(file);
                if (fm.isEmpty()) {
                    continue;
                }
                FileEntry entry = new FileEntry(rel(root, file), lang, fm.get());
                (file.getFileName().toString().matches("\\d{4}-\\d{1,2}-\\d{1,2}-.+\\.(md|markdown)") ? dated : undated)
                        .add(entry);
            }
        }
        Map<String, Object> images = Map.of();
        Path imagesFile = root.resolve("_data/images.yml");
        if (Files.exists(imagesFile)) {
            images = new Yaml().load(readString(imagesFile));
        }
        return new FixtureFiles(pages, dated, undated, images);
    }

    /** Published files whose lang-ref no other published file of the same kind shares. */
    List<FileEntry> lonelyLangRefs() {
        List<FileEntry> lonely = new ArrayList<>();
        for (List<FileEntry> kind : List.of(pages, datedPosts)) {
            Map<String, Integer> uses = new HashMap<>();
            kind.forEach(f -> uses.merge(String.valueOf(f.text("lang-ref")), 1, Integer::sum));
            kind.stream().filter(f -> f.text("lang-ref") != null && uses.get(f.text("lang-ref")) == 1).forEach(lonely::add);
        }
        return lonely;
    }

    private static List<Path> markdown(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> frontMatter(Path file) {
        String text = readString(file).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return java.util.Optional.empty();
        }
        int end = text.indexOf("\n---", 3);
        Object yaml = new Yaml().load(text.substring(4, end));
        return java.util.Optional.of(yaml == null ? Map.of() : (Map<String, Object>) yaml);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String rel(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
