package be.biodiversity.portal.system;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import be.biodiversity.portal.testsupport.Skips;

/**
 * The real GBIF.be hosted-portal site (../shared/fixtures/hp-gbif-be) imported into a portal of its own: every
 * page and post answers 200 through the gateway without Liquid left in it, with a canonical link and Open Graph
 * tags; every image it shows loads; every internal link on them works, except those the site itself has broken,
 * which are listed (target/hp-gbif-be-broken-links.txt); and the Nu HTML Checker finds no error on the key pages
 * (all pages' findings are written to target/hp-gbif-be-html-check.txt).
 */
class HostedPortalSiteIT {

    private static final Pattern INTERNAL_LINK = Pattern.compile("href=\"(/(?!/)[^\"#]*)");
    private static final Pattern IMAGE = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]+)\"");
    private static final Pattern SRCSET = Pattern.compile("\\ssrcset=\"([^\"]+)\"");
    private static final List<String> SHARING = List.of("<link rel=\"canonical\" href=\"http",
            "<meta property=\"og:title\"", "<meta property=\"og:url\" content=\"http",
            "<meta property=\"og:locale\"", "<meta name=\"twitter:card\"");

    static Portal portal;
    static Path site;

    @BeforeAll
    static void start() throws Exception {
        site = ServiceConfig.ROOT.resolve("../shared/fixtures/hp-gbif-be").normalize();
        Skips.unless(Files.isDirectory(site),
                "SKIPPED: " + site + " is absent; the crawl of the imported GBIF.be site did not run");
        portal = Portal.importing(site);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void everyPageAndPostAnswersAndItsInternalLinksWork() throws Exception {
        List<String> permalinks = permalinks();
        assertThat(permalinks).as("pages and posts imported").hasSizeGreaterThan(50);

        Map<String, Integer> failed = new TreeMap<>();
        Map<String, Set<String>> links = new TreeMap<>();
        Map<String, Set<String>> images = new TreeMap<>();
        Map<String, List<String>> withoutSharingTags = new TreeMap<>();
        Map<String, String> html = new TreeMap<>();
        for (String permalink : permalinks) {
            HttpResponse<String> page = portal.get(permalink);
            if (page.statusCode() != 200) {
                failed.put(permalink, page.statusCode());
                continue;
            }
            assertThat(page.body()).as("Liquid left in " + permalink).doesNotContain("{{ site.", "{% ");
            html.put(permalink, page.body());
            List<String> missing = SHARING.stream().filter(tag -> !page.body().contains(tag)).toList();
            if (!missing.isEmpty()) {
                withoutSharingTags.put(permalink, missing);
            }
            for (String image : images(page.body())) {
                images.computeIfAbsent(image, i -> new TreeSet<>()).add(permalink);
            }
            Matcher m = INTERNAL_LINK.matcher(page.body());
            while (m.find()) {
                String link = Html.unescape(m.group(1));
                if (!link.startsWith("/assets/")) {
                    links.computeIfAbsent(link, l -> new TreeSet<>()).add(permalink);
                }
            }
        }
        assertThat(failed).as("pages and posts that do not answer 200").isEmpty();
        assertThat(withoutSharingTags).as("pages without a canonical link or Open Graph / Twitter tags").isEmpty();

        List<String> brokenImages = new ArrayList<>();
        List<String> missingFromSite = new ArrayList<>();
        for (Map.Entry<String, Set<String>> image : images.entrySet()) {
            HttpResponse<String> answer = portal.get(image.getKey());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (answer.statusCode() == 200 && type.startsWith("image/")) {
                continue;
            }
            String line = image.getKey() + " -> " + answer.statusCode() + " " + type + " (on "
                    + String.join(", ", image.getValue()) + ")";
            String file = image.getKey().replaceFirst("[?#].*", "").substring(1);
            // An image the site names but does not have is missing on Jekyll's build too.
            (answer.statusCode() == 404 && !Files.exists(site.resolve(file)) ? missingFromSite : brokenImages).add(line);
        }
        System.out.println("[hp-gbif-be] " + images.size() + " images (sizes included) on " + html.size()
                + " pages; named by the site but not in it (" + missingFromSite.size() + "):");
        missingFromSite.forEach(line -> System.out.println("  " + line));
        assertThat(brokenImages).as("images on the site's pages that do not load").isEmpty();
        checkHtml(html);

        Set<String> known = new TreeSet<>(permalinks);
        List<String> brokenBySite = new ArrayList<>();
        List<String> brokenByUs = new ArrayList<>();
        for (Map.Entry<String, Set<String>> link : links.entrySet()) {
            int status = portal.get(link.getKey()).statusCode();
            if (status == 200) {
                continue;
            }
            String path = link.getKey().contains("?") ? link.getKey().substring(0, link.getKey().indexOf('?'))
                    : link.getKey();
            String line = link.getKey() + " -> " + status + " (on " + String.join(", ", link.getValue()) + ")";
            if (status == 404 && !known.contains(path)) {
                brokenBySite.add(line);
            }
            else {
                brokenByUs.add(line);
            }
        }
        Files.write(Path.of("target", "hp-gbif-be-broken-links.txt"), brokenBySite);
        System.out.println("[hp-gbif-be] " + permalinks.size() + " pages and posts, " + links.size()
                + " internal links; broken by the site itself (" + brokenBySite.size() + "):");
        brokenBySite.forEach(line -> System.out.println("  " + line));
        assertThat(brokenByUs).as("internal links to pages the site has, that do not answer 200").isEmpty();
    }

    /** Every image address a page asks for from this portal: each src and each candidate of each srcset. */
    private static Set<String> images(String body) {
        Set<String> found = new TreeSet<>();
        Matcher src = IMAGE.matcher(body);
        while (src.find()) {
            found.add(Html.unescape(src.group(1)));
        }
        Matcher srcset = SRCSET.matcher(body);
        while (srcset.find()) {
            for (String candidate : Html.unescape(srcset.group(1)).split(",")) {
                found.add(candidate.trim().split("\\s+")[0]);
            }
        }
        found.removeIf(address -> !address.startsWith("/") || address.startsWith("//"));
        return found;
    }

    /**
     * The Nu HTML Checker on every page: none of its errors on the pages a visitor opens first (home, the community
     * page, the news archive, a post, a publisher); the findings on all pages written down, since a site's own
     * markup (a heading level it skips, say) is the site's to fix, as it is on Jekyll.
     */
    private static void checkHtml(Map<String, String> html) throws Exception {
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

    private static List<String> permalinks() throws Exception {
        HttpResponse<String> list = portal.get("/api/content/v1/pages?offset=0&limit=1000");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> permalinks = JsonPath.read(list.body(), "$.results[*].permalink");
        // The theme's route templates (/publisher/_key_, /dataset/_key_, ...) are not pages anyone visits.
        return permalinks.stream().filter(permalink -> !permalink.contains("/_key_")).toList();
    }
}
