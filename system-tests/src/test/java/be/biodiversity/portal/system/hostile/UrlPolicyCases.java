package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One URL policy wherever a URL from content or the directory reaches HTML (issue #11, finding 8; issue #18, finding
 * 4): links written so that a browser reads them as another host ({@code /<TAB>/host}, {@code /\host}, other
 * control characters) or carrying inline content ({@code data:}) never reach an {@code href} or {@code src}, in
 * call-to-action buttons, hero images, markdown, navigation, footer, organisation descriptions and person bios. The
 * write may be refused; if it is stored, the page shows no such link ({@link HtmlSafety#offSiteLinks}). A link with a
 * scheme ({@code https:/\host}) is an external link, which these fields may hold: not a case.
 */
final class UrlPolicyCases {

    static final String HOST = "evil.example";

    /** As JSON string contents (escapes for the control characters). */
    private static final List<String> URLS = List.of("/\\t/evil.example/x", "/\\n/evil.example/x", "/\\r/evil.example/x",
            "/\\t\\t/evil.example/x", "/\\\\evil.example/x", "/\\\\/evil.example/x", "\\\\\\\\evil.example/x",
            "/\\u000b/evil.example/x", "/\\u0000/evil.example/x", "\\t//evil.example/x", "//evil.example/x",
"data:image/svg+xml;base64,PHN2Zy8+", "data:text/html,hostile", "DATA:image/png;base64,AAAA",
            " data:image/gif;base64,R0lGODlhAQABAAAAACw=");

    private UrlPolicyCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (int i = 0; i < URLS.size(); i++) {
            String url = URLS.get(i);
            String json = "\"" + url + "\"";
            String shown = url.replace("\\\\", "\\");
            String cta = "/hostile/url-cta-" + i;
            cases.add(HostileCase.writing(Category.URL_POLICY, "a call-to-action button to " + shown, client -> storedSafely(client,
                    cta, "{\"lang\":\"en\",\"permalink\":\"" + cta + "\",\"title\":\"Cta\",\"body\":\"x\",\"frontMatter\":"
                            + "{\"cta\":[{\"text\":\"Go\",\"href\":" + json + "}],\"composition\":[{\"type\":\"heroImage\"},"
                            + "{\"type\":\"pageMarkdown\"}]}}")));
            String hero = "/hostile/url-hero-" + i;
            cases.add(HostileCase.writing(Category.URL_POLICY, "a hero image at " + shown, client -> storedSafely(client, hero,
                    "{\"lang\":\"en\",\"permalink\":\"" + hero + "\",\"title\":\"Hero\",\"heroImage\":" + json
                            + ",\"body\":\"x\",\"frontMatter\":{\"composition\":[{\"type\":\"heroImage\"},{\"type\":\"pageMarkdown\"}]}}")));
            String markdown = "/hostile/url-markdown-" + i;
            String body = "[link](<" + url + ">) ![image](<" + url + ">) <a href=\\\"" + url + "\\\">raw</a> <img src=\\\"" + url
                    + "\\\" alt=\\\"raw\\\">";
            cases.add(HostileCase.writing(Category.URL_POLICY, "markdown links and images to " + shown, client -> storedSafely(client,
                    markdown, "{\"lang\":\"en\",\"permalink\":\"" + markdown + "\",\"title\":\"Markdown\",\"heroImageCredit\":"
                            + "\"[credit](<" + url + ">)\",\"body\":\"" + body + "\"}")));
        }
        cases.add(HostileCase.writing(Category.URL_POLICY, "an organisation's description and a person's bio with each such link",
                UrlPolicyCases::directory));
        cases.add(HostileCase.writing(Category.URL_POLICY, "navigation and footer links of each kind (French site data, "
                + "put back afterwards)", UrlPolicyCases::siteData));
        return cases;
    }

    /** Refused; or stored, and neither the API's HTML nor the page links off the site. */
    private static void storedSafely(Client client, String permalink, String json) throws Exception {
        Answer written = Expect.answered(client.asEditor(Request.of("POST", "/api/content/v1/pages").json(json)));
        if (written.status() >= 400) {
            return;
        }
        safe(client.send(Request.get(permalink)));
        Answer api = client.send(Request.get("/api/content/v1/pages?lang=en&path=" + permalink));
        assertThat(api.status()).as("%s", api).isEqualTo(200);
        String html = JsonPath.read(api.text(), "$.html");
        // The body's HTML in the API may link to other sites (markdown may: an external link is an external link);
        // what it may not hold is inline content. The page built from it is held to the whole policy above.
        assertThat(HtmlSafety.offSiteLinks(html, HOST)).as("links in the API's html (the page was clean): %s", html)
                .noneMatch(problem -> problem.startsWith("a data: URL"));
    }

    private static void directory(Client client) throws Exception {
        StringBuilder markdown = new StringBuilder();
        for (String url : URLS) {
            markdown.append("[link](<").append(url).append(">) ![image](<").append(url).append(">) ");
        }
        Answer organisation = Expect.answered(client.asEditor(Request.of("POST", "/api/directory/v1/organisations").json(
                "{\"slug\":\"hostile-url-policy\",\"names\":{\"en\":\"Url policy\"},\"descriptions\":{\"en\":\"" + markdown
                        + "\"},\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\"}")));
        if (organisation.status() == 201) {
            safe(client.send(Request.get("/publisher/" + JsonPath.read(organisation.text(), "$.key"))));
        }
        Answer person = Expect.answered(client.asEditor(Request.of("POST", "/api/directory/v1/people").json(
                "{\"slug\":\"hostile-url-policy\",\"name\":\"Url policy\",\"categories\":[\"NODE_STAFF\"],\"bio\":{\"en\":\""
                        + markdown + "\"}}")));
        for (String url : URLS) {
            Expect.answered(client.asEditor(Request.of("POST", "/api/directory/v1/people").json(
                    "{\"slug\":\"hostile-url-photo-" + Integer.toHexString(url.hashCode()) + "\",\"name\":\"Photo\","
                            + "\"categories\":[\"NODE_STAFF\"],\"photoUrl\":\"" + url + "\"}")));
        }
        Answer page = client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                {"lang":"en","permalink":"/hostile/url-people","title":"People","body":"x",
                 "frontMatter":{"composition":[{"type":"people","title":"Staff"},{"type":"pageMarkdown"}]}}"""));
        assertThat(page.status()).as("%s", page).isEqualTo(201);
        Answer people = safe(client.send(Request.get("/hostile/url-people")));
        if (person.status() == 201) {
            assertThat(people.text()).as("the people block shows the person").contains("Url policy");
        }
    }

    /** Adds items with each link to the French navigation and footer, checks a French page, puts both back. */
    private static void siteData(Client client) throws Exception {
        StringBuilder navigation = new StringBuilder("\n- text: Hostile\n  menu:\n");
        StringBuilder footer = new StringBuilder("\n  - name: Hostile\n    description: \"");
        // Inside YAML's double quotes, the JSON escapes of URLS are YAML escapes too (NUL and VT left out: not YAML text).
        for (String url : URLS.stream().filter(u -> !u.contains("\\u00")).toList()) {
            navigation.append("    - text: Hostile\n      href: \"").append(url).append("\"\n");
            footer.append("[link](<").append(url).append(">) ");
        }
        footer.append("\"\n");
        for (String[] data : new String[][] { { "navigation", navigation.toString() }, { "footer", footer.toString() } }) {
            Answer current = client.asEditor(Request.get("/api/content/v1/data/" + data[0] + "?lang=fr"));
            assertThat(current.status()).as("%s", current).isEqualTo(200);
            String source = JsonPath.read(current.text(), "$.source");
            long version = ((Number) JsonPath.read(current.text(), "$.version")).longValue();
            Answer changed = Expect.answered(client.asEditor(Request.of("PUT", "/api/content/v1/data/" + data[0] + "?lang=fr")
                    .json("{\"source\":" + Payloads.json(source + data[1]) + ",\"version\":" + version + "}")));
            if (changed.status() >= 300) {
                continue;
            }
            try {
                safe(client.send(Request.get("/fr/community?url-policy=" + data[0])));
            }
            finally {
                long now = ((Number) JsonPath.read(changed.text(), "$.version")).longValue();
                Answer restored = client.asEditor(Request.of("PUT", "/api/content/v1/data/" + data[0] + "?lang=fr")
                        .json("{\"source\":" + Payloads.json(source) + ",\"version\":" + now + "}"));
                assertThat(restored.status()).as("the French %s put back: %s", data[0], restored).isBetween(200, 201);
            }
        }
    }

    private static Answer safe(Answer page) {
        Expect.safePage(page);
        assertThat(HtmlSafety.offSiteLinks(page.text(), HOST)).as("links in the page (%s)", page.status()).isEmpty();
        return page;
    }
}
