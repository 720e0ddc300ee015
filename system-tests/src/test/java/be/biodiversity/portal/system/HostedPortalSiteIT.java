package be.biodiversity.portal.system;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * page and post answers 200 through the gateway without Liquid left in it, and every internal link on them
 * works, except those the site itself has broken, which are listed (target/hp-gbif-be-broken-links.txt).
 */
class HostedPortalSiteIT {

    private static final Pattern INTERNAL_LINK = Pattern.compile("href=\"(/(?!/)[^\"#]*)");

    static Portal portal;

    @BeforeAll
    static void start() throws Exception {
        Path site = ServiceConfig.ROOT.resolve("../shared/fixtures/hp-gbif-be").normalize();
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
        for (String permalink : permalinks) {
            HttpResponse<String> page = portal.get(permalink);
            if (page.statusCode() != 200) {
                failed.put(permalink, page.statusCode());
                continue;
            }
            assertThat(page.body()).as("Liquid left in " + permalink).doesNotContain("{{ site.", "{% ");
            Matcher m = INTERNAL_LINK.matcher(page.body());
            while (m.find()) {
                String link = Html.unescape(m.group(1));
                if (!link.startsWith("/assets/")) {
                    links.computeIfAbsent(link, l -> new TreeSet<>()).add(permalink);
                }
            }
        }
        assertThat(failed).as("pages and posts that do not answer 200").isEmpty();

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

    private static List<String> permalinks() throws Exception {
        HttpResponse<String> list = portal.get("/api/content/v1/pages?offset=0&limit=1000");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> permalinks = JsonPath.read(list.body(), "$.results[*].permalink");
        // The theme's route templates (/publisher/_key_, /dataset/_key_, ...) are not pages anyone visits.
        return permalinks.stream().filter(permalink -> !permalink.contains("/_key_")).toList();
    }
}
