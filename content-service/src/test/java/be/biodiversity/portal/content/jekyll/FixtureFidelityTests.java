package be.biodiversity.portal.content.jekyll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.biodiversity.portal.content.data.SiteData;
import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.page.ResolvedPages;
import be.biodiversity.portal.content.resolve.LiquidLimitException;
import be.biodiversity.portal.content.resolve.LiquidLimits;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.testsupport.Skips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture sites' pages through the reader and the resolver, held to what Jekyll published for them
 * ({@code ../shared/fixtures/jekyll-reference}): the headings of each page's body must be ours too, and nothing of
 * kramdown's or Liquid's syntax may be left in our text. Every difference is listed on the console and in
 * {@code target/fixture-fidelity-<site>.md} (the cases that remain); the test fails on a page that renders empty or
 * shows {@code {:} / {@code {%} / {@code **} as text. Skipped, saying so, without {@code ../shared}.
 */
class FixtureFidelityTests {

    private static final Path FIXTURES = Path.of("../../shared/fixtures").toAbsolutePath().normalize();
    private static final Pattern LEFTOVER = Pattern.compile("\\{:|\\{%|\\{\\{|\\*\\*\\S|\\]\\(|^#{1,6} ", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = { "hp-gbif-be", "hp-template" })
    void fixturePagesResolveAsJekyllPublishedThem(String name) throws IOException {
        Path site = FIXTURES.resolve(name);
        Path reference = FIXTURES.resolve("jekyll-reference").resolve(name);
        Skips.unless(Files.isDirectory(site) && Files.isDirectory(reference),
                "Skipped: no fixture site and Jekyll reference at " + site + " and " + reference);
        List<SourceFile> files = SourceReader.folder(site, new ImportProperties.Limits(5000, 200_000_000L, 20_000_000L));
        ReadSite read = new SiteReader("en", page -> Optional.empty(), Instant.now()).read(files);
        List<SiteData> data = read.data().stream()
                .map(d -> new SiteData(d.path(), d.name(), d.lang(), d.source(), 0L, null, null, d.path(), d.hash()))
                .toList();
        SiteContext context = SiteDataService.unstored(data, read.includesByName());
        PageResolver resolver = new PageResolver(new LiquidLimits(null, null, 5_000L, null, null));
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (ImportedItem item : read.published()) {
            Path published = publishedFile(reference, item.page().permalink());
            if (published == null || item.page().body() == null || item.page().body().isBlank()) {
                continue;
            }
            ResolvedPage page;
            try {
                page = resolver.resolve(ResolvedPages.source(item.page()), context);
            }
            catch (LiquidLimitException ex) {
                report.add("| " + item.path() + " | not resolved: " + ex.getMessage() + " |");
                continue;
            }
            compared++;
            Document ours = Jsoup.parseBodyFragment(page.html());
            Document theirs = Jsoup.parse(published.toFile(), "UTF-8");
            if (page.problems().stream().anyMatch(p -> p.message().startsWith("the body renders empty"))) {
                failures.add(item.path() + " renders empty");
            }
            var leftover = LEFTOVER.matcher(ours.body().text());
            if (leftover.find()) {
                String around = ours.body().text().substring(Math.max(0, leftover.start() - 30),
                        Math.min(ours.body().text().length(), leftover.end() + 30));
                report.add("| " + item.path() + " | markup left as text: `" + around.replace("|", "\\|") + "` |");
                if (around.contains("{:") || around.contains("{%")) {
                    failures.add(item.path() + " shows " + around);
                }
            }
            Set<String> missing = headings(theirs.select("main h2, main h3, main h4, main h5, main h6"));
            missing.removeAll(headings(ours.select("h1, h2, h3, h4, h5, h6")));
            missing.removeIf(h -> !theirsFromBody(item.page().body(), h));
            if (!missing.isEmpty()) {
                report.add("| " + item.path() + " | headings Jekyll shows, not ours: " + missing + " |");
            }
            for (Element heading : ours.select("h2[id], h3[id], h4[id]")) {
                for (Element their : theirs.select("main h2[id], main h3[id], main h4[id]")) {
                    if (their.text().strip().equals(heading.text().strip()) && !their.id().equals(heading.id())) {
                        report.add("| " + item.path() + " | heading id `" + heading.id() + "`, Jekyll's `" + their.id() + "` |");
                        failures.add(item.path() + ": heading '" + heading.text() + "' has id " + heading.id()
                                + ", Jekyll's " + their.id());
                    }
                }
            }
        }
        Path out = Path.of("target", "fixture-fidelity-" + name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "| file | difference |\n|---|---|\n" + String.join("\n", report) + "\n");
        System.err.println("[FixtureFidelityTests] " + name + ": " + compared + " pages compared with Jekyll's, "
                + report.size() + " differences (" + out + ")\n" + String.join("\n", report));
        assertThat(compared).isPositive();
        assertThat(failures).isEmpty();
    }

    /** Headings written in the body's markdown or HTML (not the theme's own, e.g. "Latest news"). */
    private static boolean theirsFromBody(String body, String heading) {
        return body.lines().anyMatch(l -> l.strip().startsWith("#") && l.strip().replaceFirst("^#+\\s*", "").equals(heading))
                || body.contains(">" + heading + "</h");
    }

    private static Set<String> headings(List<Element> elements) {
        Set<String> texts = new LinkedHashSet<>();
        elements.forEach(e -> texts.add(e.text().strip()));
        texts.remove("");
        return texts;
    }

    private static Path publishedFile(Path reference, String permalink) {
        String path = permalink.equals("/") ? "" : permalink.replaceAll("^/|/$", "");
        for (String candidate : new String[] { path + ".html", path + "/index.html", path.isEmpty() ? "index.html" : path }) {
            Path file = reference.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
