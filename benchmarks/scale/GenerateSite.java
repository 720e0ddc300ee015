import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a GBIF.be-shaped hosted-portal site of a given size for the scale benchmark (issue 19):
 *
 * <pre>java benchmarks/scale/GenerateSite.java BASE OUT DOCUMENTS</pre>
 *
 * BASE is a hosted-portal site to start from (its text files are copied: _config.yml, _data, _includes, pages,
 * _posts; not assets) or "-" for none, in which case a minimal _config.yml with en/nl/fr is written. Then generated
 * documents are added until the site holds about DOCUMENTS: half pages (one third each in en, nl and fr, linked by
 * lang-ref), half posts (in en, a third of them translated into nl and fr and only those with a lang-ref), all with front matter, headings,
 * paragraphs, a table, links to other generated pages and Liquid, as real pages have. Deterministic: the same
 * arguments give the same site.
 */
public class GenerateSite {

    private static final String[] LANGS = { "en", "nl", "fr" };
    private static final String[] CATEGORIES = { "News", "Event", "Data paper", "Training", "Call" };
    private static final String[] WORDS = ("biodiversity occurrence dataset publisher species museum garden herbarium "
            + "specimen observation taxonomy checklist sampling event network node portal literature citation "
            + "collection institution habitat river forest marine coastal invasive pollinator bird insect plant "
            + "fungus lichen moss survey monitoring volunteer citizen science open data licence metadata").split(" ");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java GenerateSite.java BASE|- OUT DOCUMENTS");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        int target = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        int existing = "-".equals(args[0]) ? minimalSite(out) : copyText(Path.of(args[0]), out);
        int toAdd = Math.max(0, target - existing);
        int pagesPerLang = toAdd / 2 / 3;
        int posts = toAdd - pagesPerLang * 3;
        int enPosts = (int) Math.ceil(posts / (1 + 2 / 3.0));
        int written = 0;
        for (int i = 0; i < pagesPerLang; i++) {
            for (String lang : LANGS) {
                write(out.resolve(lang).resolve("gen").resolve("page-" + i + ".md"), page(lang, i, pagesPerLang));
                written++;
            }
        }
        LocalDate first = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < enPosts && written < toAdd; i++) {
            LocalDate date = first.plusDays(i % 4000);
            String name = date + "-generated-" + i + ".md";
            // a lang-ref only on the posts that are translated, as on GBIF.be: a lang-ref no other post has is a
            // problem the import reports (a warning per post, which real sites do not have)
            boolean translated = i % 3 == 0 && toAdd - written >= 3;
            write(out.resolve("_posts").resolve(name), post("en", i, date, translated));
            written++;
            for (String lang : translated ? List.of("nl", "fr") : List.<String>of()) {
                write(out.resolve("_posts").resolve(lang).resolve(name), post(lang, i, date, true));
                written++;
            }
        }
        System.out.println("Wrote " + out + ": " + existing + " documents from the base, " + written + " generated ("
                + pagesPerLang * 3 + " pages, " + (written - pagesPerLang * 3) + " posts)");
    }

    private static String page(String lang, int i, int count) {
        String prefix = "en".equals(lang) ? "" : "/" + lang;
        StringBuilder body = new StringBuilder();
        body.append("---\nlang-ref: generated-").append(i).append("\nlang: ").append(lang)
                .append("\ntitle: \"").append(title(lang, i)).append("\"\ndescription: ").append(sentence(i, 12))
                .append("\npermalink: ").append(prefix).append("/gen/page-").append(i).append("\n---\n\n");
        body.append("Welcome to {{ site.title }}. ").append(paragraph(i)).append("\n\n");
        for (int section = 0; section < 3; section++) {
            body.append("## ").append(capitalise(word(i + section))).append(' ').append(word(i * 7 + section))
                    .append("\n\n").append(paragraph(i * 31 + section)).append("\n\n");
        }
        body.append("| Dataset | Records | Publisher |\n|---|---|---|\n");
        for (int row = 0; row < 4; row++) {
            body.append("| ").append(capitalise(word(i + row))).append(" | ").append((i * 37 + row * 11) % 9000)
                    .append(" | ").append(capitalise(word(i * 3 + row))).append(" |\n");
        }
        body.append("\nSee also [").append(title(lang, (i + 1) % count)).append("](").append(prefix)
                .append("/gen/page-").append((i + 1) % count).append(") and [the publishers](/publisher/search).\n");
        return body.toString();
    }

    private static String post(String lang, int i, LocalDate date, boolean translated) {
        return "---\n" + (translated ? "lang-ref: generated-post-" + i + "\n" : "") + "lang: " + lang + "\ntitle: \"" + title(lang, i) + " (news)\""
                + "\ndescription: " + sentence(i * 5, 10) + "\ndate: " + date + "\ncategories: [" + CATEGORIES[i
                % CATEGORIES.length] + "]\n---\n\n" + paragraph(i * 13) + "\n\n## " + capitalise(word(i))
                + "\n\n" + paragraph(i * 17) + "\n";
    }

    private static String title(String lang, int i) {
        String word = switch (lang) {
            case "nl" -> "Pagina";
            case "fr" -> "Page";
            default -> "Page";
        };
        return word + " " + i + ": " + capitalise(word(i)) + " " + word(i * 11);
    }

    private static String paragraph(int seed) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            text.append(sentence(seed * 4 + s, 14 + s)).append(' ');
        }
        return text.toString().strip();
    }

    private static String sentence(int seed, int words) {
        StringBuilder text = new StringBuilder(capitalise(word(seed)));
        for (int w = 1; w < words; w++) {
            text.append(' ').append(word(seed * 31 + w * 7));
        }
        return text.append('.').toString();
    }

    private static String word(int seed) {
        return WORDS[Math.floorMod(seed * 2654435761L, WORDS.length)];
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static int minimalSite(Path out) throws IOException {
        write(out.resolve("_config.yml"), "title: Scale test portal\nlang: en\npermalink: pretty\n"
                + "defaults:\n  - scope: {path: \"nl\"}\n    values: {lang: nl}\n  - scope: {path: \"fr\"}\n"
                + "    values: {lang: fr}\n  - scope: {path: \"_posts/nl\"}\n    values: {lang: nl}\n"
                + "  - scope: {path: \"_posts/fr\"}\n    values: {lang: fr}\n");
        return 0;
    }

    /** Copies the site's text files (not assets); answers how many pages and posts it has. */
    private static int copyText(Path base, Path out) throws IOException {
        int[] documents = { 0 };
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path relative = base.relativize(file);
                String name = relative.toString();
                if (name.startsWith("assets") || name.startsWith(".git") || !(name.endsWith(".md")
                        || name.endsWith(".yml") || name.endsWith(".html") || name.endsWith(".markdown"))) {
                    return;
                }
                if (name.endsWith(".md") && !name.startsWith("_includes")) {
                    documents[0]++;
                }
                try {
                    Files.createDirectories(out.resolve(relative).getParent());
                    Files.copy(file, out.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        return documents[0];
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
