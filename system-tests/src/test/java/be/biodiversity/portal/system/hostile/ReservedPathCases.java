package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages at the portal's own paths (issue #11, finding 9): created, moved there or imported with the editor token,
 * each is refused and nothing stored; the sitemap never lists such a path, and robots.txt, the sitemap and the feed
 * stay what they are.
 */
final class ReservedPathCases {

    /** Paths the gateway or render-service answer themselves, with the language a page there would have. */
    static final List<String[]> RESERVED = List.of(new String[] { "en", "/actuator" }, new String[] { "en", "/actuator/env" },
            new String[] { "en", "/actuator/health" }, new String[] { "en", "/ACTUATOR/env" }, new String[] { "en", "/Actuator" },
            new String[] { "nl", "/nl/actuator/env" }, new String[] { "en", "/robots.txt" }, new String[] { "en", "/sitemap.xml" },
            new String[] { "en", "/feed.xml" }, new String[] { "nl", "/nl/feed.xml" }, new String[] { "en", "/_gateway" },
            new String[] { "en", "/_gateway/fallback/page" }, new String[] { "en", "/api" }, new String[] { "en", "/api/x" },
            new String[] { "en", "/api/content/v1/pages" }, new String[] { "en", "/API/x" },
            new String[] { "en", "/assets/portal/site.css" }, new String[] { "en", "/publisher/search" },
            new String[] { "en", "/literature/search" }, new String[] { "nl", "/nl/publisher/search" });

    private ReservedPathCases() {
    }

    static List<HostileCase> all(Fixtures f) {
        List<HostileCase> cases = new ArrayList<>();
        for (String[] reserved : RESERVED) {
            cases.add(HostileCase.of(Category.RESERVED_PATHS, "POST a page at " + reserved[1], client ->
                    Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/pages").json("{\"lang\":\"" + reserved[0]
                            + "\",\"permalink\":\"" + reserved[1] + "\",\"title\":\"Reserved\",\"body\":\"Reserved path.\"}")))));
        }
        for (String path : List.of("/robots.txt", "/api/x", "/actuator/env", "/sitemap.xml/", "/_gateway/x")) {
            cases.add(HostileCase.of(Category.RESERVED_PATHS, "PUT the fixture page to " + path, client ->
                    Expect.refused(client.asEditor(Request.of("PUT", "/api/content/v1/pages/" + f.pageId() + "?version="
                            + f.pageVersion()).json("{\"lang\":\"en\",\"permalink\":\"" + path
                            + "\",\"title\":\"Moved\",\"body\":\"x\"}")))));
        }
        for (String path : List.of("/robots.txt", "/api/imported", "/actuator/env", "/sitemap.xml", "/_gateway/imported",
                "/search", "/publisher/search", "/dataset/search", "/assets/portal/site.css")) {
            cases.add(HostileCase.writing(Category.RESERVED_PATHS, "an import of a page at " + path, client -> {
                Answer answer = Expect.answered(client.asEditor(Request.of("POST", "/api/content/v1/imports?prune=false&wait=true")
                        .body("application/zip", Archives.site("reserved.md", Archives.page(path, "Reserved", "x")))));
                Answer stored = client.send(Request.get("/api/content/v1/pages?lang=en&path=" + path));
                assertThat(stored.status()).as("the page at %s after an import answered %s: %s", path, answer.status(), stored)
                        .isEqualTo(404);
                // the site is imported, the page reported with its file and the line of its permalink
                assertThat(answer.status()).as("the import with a page at %s: %s", path, answer).isEqualTo(200);
                assertThat(answer.text()).contains("\"file\":\"reserved.md\",\"line\":3").contains("is reserved");
            }));
        }
        cases.add(HostileCase.of(Category.RESERVED_PATHS, "the sitemap lists no reserved path", client -> {
            Answer sitemap = client.send(Request.get("/sitemap.xml"));
            assertThat(sitemap.status()).isEqualTo(200);
            for (String[] reserved : RESERVED) {
                assertThat(sitemap.text()).as("the sitemap").doesNotContainPattern("<loc>[^<]*//[^/<]+"
                        + java.util.regex.Pattern.quote(reserved[1]) + "/?</loc>");
            }
        }));
        cases.add(HostileCase.of(Category.RESERVED_PATHS, "robots.txt, the sitemap and the feed are still themselves", client -> {
            Answer robots = client.send(Request.get("/robots.txt"));
            assertThat(robots.status()).isEqualTo(200);
            assertThat(robots.header("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(robots.text()).contains("Sitemap:").doesNotContain("Reserved path.");
            assertThat(client.send(Request.get("/sitemap.xml")).text()).contains("<urlset").doesNotContain("Reserved path.");
            assertThat(client.send(Request.get("/feed.xml")).text()).contains("<feed").doesNotContain("Reserved path.");
        }));
        return cases;
    }
}
