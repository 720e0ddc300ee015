package be.biodiversity.portal.system;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import be.biodiversity.portal.system.jekyll.JekyllSite;
import be.biodiversity.portal.system.jekyll.ReferenceBuild;
import be.biodiversity.portal.testsupport.Skips;

/**
 * The two hosted-portal sites in {@code ../shared/fixtures} (GBIF.be and GBIF's hp-template), each imported with
 * default settings into a portal of its own: the import reports no error, and every page a Jekyll build of the site
 * publishes — worked out from the source as Jekyll does ({@link JekyllSite}: permalinks, {@code permalink: pretty},
 * defaults, posts, collections, languages), not from what the portal imported — answers at its Jekyll URL through the
 * gateway as the page: 200, a title, an h1, the source's headings, no Liquid, kramdown, markdown or escaped HTML left
 * in the text, a canonical link and Open Graph tags ({@link PageCrawl}); every image on them loads and no internal
 * link is broken that is not broken in the source ({@link SiteLinks}; the site's own are listed in
 * target/&lt;site&gt;-broken-links.txt). For GBIF.be the Nu HTML Checker finds no error on the key pages (all pages'
 * findings in target/hp-gbif-be-html-check.txt). Where the Jekyll reference build is present
 * ({@code ../shared/fixtures/jekyll-reference}), the page list is checked against it, and what Jekyll's page shows
 * the same way is the site's own (target/&lt;site&gt;-crawl.txt). Every post is reached from its language's news
 * archive through the archive's numbered pages ({@link ArchiveCrawl}).
 */
class HostedPortalSiteIT {

    private static final Path FIXTURES = ServiceConfig.ROOT.resolve("../shared/fixtures").normalize();

    /**
     * The sites crawled: the two fixtures, or the folders {@code -Dportal.crawl.sites} (or {@code PORTAL_CRAWL_SITES})
     * lists, comma-separated — any clone of a hosted-portal repository, a name alone meaning a fixture.
     */
    static Stream<String> sites() {
        String named = System.getProperty("portal.crawl.sites", System.getenv("PORTAL_CRAWL_SITES"));
        return named == null || named.isBlank() ? Stream.of("hp-gbif-be", "hp-template")
                : Stream.of(named.split(",")).map(String::strip).filter(s -> !s.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void everyPageAJekyllBuildPublishesAnswersAsThatPage(String named) throws Exception {
        Path site = FIXTURES.resolve(named).normalize();
        String name = site.getFileName().toString();
        Skips.unless(Files.isDirectory(site), "SKIPPED: " + site + " is absent; the crawl of the imported " + name
                + " site did not run");
        JekyllSite jekyll = JekyllSite.read(site, LocalDate.now());
        Optional<ReferenceBuild> reference = ReferenceBuild.find(FIXTURES.resolve("jekyll-reference").resolve(name));
        if (reference.isPresent()) {
            ReferenceBuild.Differences differences = reference.get().compare(jekyll);
            System.out.println("[" + name + "] " + jekyll.pages().size() + " pages worked out from the source; "
                    + "Jekyll's build also has " + differences.missed() + ", not " + differences.extra());
            assertThat(differences.missed()).as("pages Jekyll's build has that the page list misses").isEmpty();
        }
        else {
            System.out.println("[" + name + "] no Jekyll reference build beside the site: the page list is not "
                    + "checked against one, and every heading and leftover counts");
        }
        Instant started = Instant.now();
        Portal portal = Portal.importing(site);
        try {
            crawl(name, site, jekyll, reference, portal);
            assertThat(portal.errorsLoggedSince(started))
                    .as("ERRORs the services logged while the site was imported and crawled").isEmpty();
        }
        finally {
            portal.stop();
        }
    }

    private static void crawl(String name, Path site, JekyllSite jekyll, Optional<ReferenceBuild> reference,
            Portal portal) throws Exception {
        List<String> importErrors = ImportErrors.of(portal, site);
        PageCrawl pages = new PageCrawl(portal, reference);
        pages.crawl(jekyll);
        SiteLinks links = SiteLinks.check(portal, site, jekyll, reference, pages.visits);
        Map<String, List<String>> unreachable = ArchiveCrawl.unreachablePosts(portal, jekyll);
        List<String> report = new ArrayList<>();
        report.add(name + ": " + jekyll.pages().size() + " pages, " + pages.visits.size() + " answered 200, "
                + pages.problems.size() + " with problems; " + pages.headings + " source headings looked for; " + links.links + " internal links, " + links.images
                + " images");
        pages.problems.forEach((page, problems) -> problems.forEach(p -> report.add("PORTAL " + page + ": " + p)));
        pages.siteOwn.forEach((page, found) -> found.forEach(f -> report.add("SITE   " + page + ": " + f)));
        unreachable.forEach((archive, posts) -> report.add("PORTAL archive " + archive + " never links " + posts));
        links.brokenByUs.forEach(line -> report.add("PORTAL link " + line));
        links.brokenBySite.forEach(line -> report.add("SITE   link " + line));
        links.brokenImages.forEach(line -> report.add("PORTAL image " + line));
        links.imagesMissingFromSite.forEach(line -> report.add("SITE   image " + line));
        Files.write(Path.of("target", name + "-crawl.txt"), report);
        Files.write(Path.of("target", name + "-broken-links.txt"), links.brokenBySite);
        System.out.println("[" + name + "] " + report.get(0) + "; broken by the site itself: " + links.brokenBySite.size()
                + " links, " + links.imagesMissingFromSite.size() + " images (target/" + name + "-crawl.txt):");
        report.stream().skip(1).filter(line -> line.startsWith("SITE")).forEach(line -> System.out.println("  " + line));

        assertThat(importErrors).as("errors of the import with default settings").isEmpty();
        assertThat(pages.problems).as("pages Jekyll publishes that the portal does not answer as that page").isEmpty();
        assertThat(unreachable).as("posts a visitor cannot reach from their language's news archive").isEmpty();
        assertThat(links.brokenImages).as("images on the site's pages that do not load").isEmpty();
        assertThat(links.brokenByUs).as("internal links that do not answer 200, not broken in the source").isEmpty();
        if (name.equals("hp-gbif-be")) {
            Map<String, String> html = new TreeMap<>();
            pages.visits.forEach((url, visit) -> html.put(visit.path(), visit.body()));
            checkHtml(portal, html);
        }
    }

    /**
     * The Nu HTML Checker on every page: none of its errors on the pages a visitor opens first (home, the community
     * page, the news archive, a post, a publisher); the findings on all pages written down, since a site's own
     * markup (a heading level it skips, say) is the site's to fix, as it is on Jekyll.
     */
    private static void checkHtml(Portal portal, Map<String, String> html) throws Exception {
        Optional<NuHtmlChecker> checker = NuHtmlChecker.find();
        if (checker.isEmpty()) {
            System.out.println("SKIPPED: the Nu HTML Checker is not installed (" + NuHtmlChecker.INSTALL
                    + ", as .ci/run does); the HTML of the imported site was not checked");
            return;
        }
        String post = html.keySet().stream().filter(permalink -> permalink.startsWith("/post/")).findFirst()
                .orElseThrow();
        HttpResponse<String> organisations = portal.get("/api/directory/v1/organisations?limit=1");
        String publisher = "/publisher/" + JsonPath.read(organisations.body(), "$.results[0].key");
        Map<String, String> pages = new TreeMap<>(html);
        for (String extra : List.of("/news", publisher)) {
            HttpResponse<String> page = portal.get(extra);
            assertThat(page.statusCode()).as(extra).isEqualTo(200);
            pages.put(extra, page.body());
        }
        Path folder = Files.createDirectories(Path.of("target", "hp-gbif-be-html"));
        Map<Path, String> files = new TreeMap<>();
        int n = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = folder.resolve("page-" + (++n) + ".html");
            Files.writeString(file, page.getValue());
            files.put(file.toAbsolutePath(), page.getKey());
        }
        List<String> errors = checker.get().errors(List.copyOf(files.keySet())).stream()
                .map(line -> {
                    for (Map.Entry<Path, String> file : files.entrySet()) {
                        line = line.replace(file.getKey().toUri().toString(), file.getValue())
                                .replace("file:" + file.getKey(), file.getValue());
                    }
                    return line;
                }).toList();
        Files.write(Path.of("target", "hp-gbif-be-html-check.txt"), errors);
        System.out.println("[hp-gbif-be] Nu HTML Checker: " + errors.size() + " errors on " + pages.size()
                + " pages (target/hp-gbif-be-html-check.txt)");
        Set<String> first = Set.of("/", "/nl/community", "/news", post, publisher);
        assertThat(errors).as("the Nu HTML Checker's errors on " + first)
                .filteredOn(line -> first.stream().anyMatch(page -> line.startsWith("\"" + page + "\":")))
                .isEmpty();
    }
}
