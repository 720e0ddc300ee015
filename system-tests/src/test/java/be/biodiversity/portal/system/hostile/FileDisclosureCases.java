package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquid that would read a file of content-service's machine (issue #11, finding 1), written by an editor into every
 * field Liquid is evaluated in, and imported in a site (a page, an include of the site's own, a symbolic link): the
 * write may be refused (400 naming the tag) or the page stored, but no answer, to the editor or to anyone, may hold
 * a file's content ({@link Leaks}). Then error answers of every kind, which must not name an internal address
 * (finding 9).
 */
final class FileDisclosureCases {

    /** Files of the machine, in the spellings an include tag takes. */
    private static final List<String> TAGS = List.of(
            "{% include /etc/passwd %}", "{% include_relative /etc/passwd %}",
            "{% include ../../../../../../../../etc/passwd %}", "{% include_relative ../../../../../../../../etc/passwd %}",
            "{% include /proc/self/environ %}", "{% include /proc/self/cmdline %}", "{% include /proc/self/status %}",
            "{% include /proc/version %}", "{% include ../../../../../../../../proc/self/environ %}",
            "{% include \"/etc/passwd\" %}", "{% include '/etc/passwd' %}", "{% include //etc//passwd %}",
            "{% include /etc/./passwd %}", "{% include /etc/../etc/passwd %}", "{% include file:///etc/passwd %}",
            "{%- include /etc/passwd -%}", "{% include /etc/passwd param=1 %}", "{% include %2Fetc%2Fpasswd %}",
            "{% include \\etc\\passwd %}", "{% include /etc/passwd\u0000.html %}",
            "{% assign f = \"/etc/passwd\" %}{% include {{ f }} %}",
            "{% capture f %}/proc/self/cmdline{% endcapture %}{% include {{ f }} %}",
            "{% include {{ page.target }} %}", "{% include_relative {{ page.target }} %}");

    private FileDisclosureCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (int i = 0; i < TAGS.size(); i++) {
            String tag = TAGS.get(i);
            String permalink = "/hostile/include-" + i;
            cases.add(HostileCase.writing(Category.FILE_DISCLOSURE, "a page body " + tag.replace("\u0000", "\\0"),
                    client -> storedWithoutFiles(client, permalink, "{\"lang\":\"en\",\"permalink\":\"" + permalink
                            + "\",\"title\":\"Include " + permalink.substring(permalink.lastIndexOf('-') + 1)
                            + "\",\"body\":" + Payloads.json("Before. " + tag + " After.").replace("\u0000", "\\u0000")
                            + ",\"frontMatter\":{\"target\":\"/etc/passwd\"}}")));
        }
        // Every other field Liquid is evaluated in, and a post and a page in another language.
        String tag = "{% include /proc/self/cmdline %}";
        List<String[]> fields = List.of(
                new String[] { "title", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-title\",\"title\":" + Payloads.json(tag)
                        + ",\"body\":\"x\"}", "/hostile/include-title" },
                new String[] { "description", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-description\",\"title\":\"x\","
                        + "\"description\":" + Payloads.json(tag) + ",\"body\":\"x\"}", "/hostile/include-description" },
                new String[] { "heroImageCredit", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-credit\",\"title\":\"x\","
                        + "\"heroImageCredit\":" + Payloads.json(tag) + ",\"body\":\"x\"}", "/hostile/include-credit" },
                new String[] { "heroImage", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-hero\",\"title\":\"x\","
                        + "\"heroImage\":" + Payloads.json("/x{% include /etc/passwd %}.png") + ",\"body\":\"x\"}", "/hostile/include-hero" },
                new String[] { "frontMatter.cta[0].text", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-cta\",\"title\":\"x\","
                        + "\"body\":\"x\",\"frontMatter\":{\"cta\":[{\"text\":" + Payloads.json(tag) + ",\"href\":\"/x\"}]}}",
                        "/hostile/include-cta" },
                new String[] { "frontMatter.preTitle", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-pretitle\",\"title\":\"x\","
                        + "\"body\":\"x\",\"frontMatter\":{\"preTitle\":" + Payloads.json("{% include /etc/passwd %}") + "}}",
                        "/hostile/include-pretitle" },
                new String[] { "a post's body", "{\"lang\":\"en\",\"permalink\":\"/hostile/include-post\",\"title\":\"x\","
                        + "\"kind\":\"post\",\"date\":\"2026-01-03T00:00:00Z\",\"body\":" + Payloads.json(tag) + "}",
                        "/hostile/include-post" },
                new String[] { "a Dutch page's body", "{\"lang\":\"nl\",\"permalink\":\"/nl/hostile/include\",\"title\":\"x\","
                        + "\"body\":" + Payloads.json("{% include /etc/passwd %}") + "}", "/nl/hostile/include" });
        for (String[] field : fields) {
            cases.add(HostileCase.writing(Category.FILE_DISCLOSURE, "an include of a file in " + field[0],
                    client -> storedWithoutFiles(client, field[2], field[1])));
        }
        cases.addAll(imports());
        cases.addAll(errorAnswers());
        return cases;
    }

    private static List<HostileCase> imports() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(imported("a page whose body includes /etc/passwd", "/hostile/imported-include",
                Archives.site("imported-include.md", Archives.page("/hostile/imported-include", "Imported include",
                        "{% include /etc/passwd %}"))));
        cases.add(imported("a page whose body includes_relative ../../../../proc/self/environ", "/hostile/imported-relative",
                Archives.site("imported-relative.md", Archives.page("/hostile/imported-relative", "Imported relative",
                        "{% include_relative ../../../../../../../proc/self/environ %}"))));
        cases.add(imported("an include of the site's own that includes /proc/self/cmdline", "/hostile/imported-nested",
                Archives.site("_includes/nested.html", "Nested: {% include /proc/self/cmdline %}",
                        "imported-nested.md", Archives.page("/hostile/imported-nested", "Imported nested",
                                "{% include nested.html %}"))));
        cases.add(imported("an include of the site's own that climbs out of _includes", "/hostile/imported-climb",
                Archives.site("_includes/ok.html", "ok", "imported-climb.md", Archives.page("/hostile/imported-climb",
                        "Imported climb", "{% include ../../../../../../../../etc/passwd %}"))));
        cases.add(imported("an include of the site's own that is a symbolic link to /etc/passwd", "/hostile/imported-link",
                Archives.withSymlinks(Set.of("_includes/passwd.html"), "_includes/passwd.html", "/etc/passwd",
                        "imported-link.md", Archives.page("/hostile/imported-link", "Imported link",
                                "{% include passwd.html %}"))));
        cases.add(imported("a page that is a symbolic link to /proc/self/environ", "/hostile/imported-page-link",
                Archives.withSymlinks(Set.of("imported-page-link.md"), "imported-page-link.md", "/proc/self/environ",
                        "other.md", Archives.page("/hostile/imported-other", "Other", "x"))));
        cases.add(imported("a data file that is a symbolic link to /etc/passwd", "/hostile/imported-data-link",
                Archives.withSymlinks(Set.of("_data/hostile_link.yml"), "_data/hostile_link.yml", "/etc/passwd",
                        "imported-data-link.md", Archives.page("/hostile/imported-data-link", "Imported data link",
                                "{{ site.data.hostile_link }}"))));
        cases.add(imported("a page whose front matter title includes /etc/passwd", "/hostile/imported-title",
                Archives.site("imported-title.md", "---\ntitle: \"{% include /etc/passwd %}\"\npermalink: /hostile/imported-title\n---\nx\n")));
        return cases;
    }

    /** Error answers of every kind (unknown paths, methods, media types, the OpenAPI document) name no internal host. */
    private static List<HostileCase> errorAnswers() {
        List<HostileCase> cases = new ArrayList<>();
        List<String[]> requests = List.of(new String[] { "GET", "/api/content/v1/nothing" },
                new String[] { "GET", "/api/content/nothing.css" }, new String[] { "GET", "/api/content/v1/pages/x/y/z" },
                new String[] { "GET", "/api/content/v1/static/x.js" }, new String[] { "GET", "/api/content/index.html" },
                new String[] { "GET", "/api/directory/v1/nothing" }, new String[] { "GET", "/api/directory/nothing.css" },
                new String[] { "GET", "/api/directory/v3/api-docs" }, new String[] { "GET", "/api/content/v3/api-docs" },
                new String[] { "GET", "/api/content/v1/openapi" }, new String[] { "GET", "/api/content/v1/openapi.json" },
                new String[] { "GET", "/api/content/v1/openapi.yaml" }, new String[] { "GET", "/api/directory/v1/openapi" },
                new String[] { "PATCH", "/api/content/v1/pages" }, new String[] { "TRACE", "/api/content/v1/pages" },
                new String[] { "OPTIONS", "/api/directory/v1/organisations" }, new String[] { "PROPFIND", "/api/content/v1/pages" },
                new String[] { "DELETE", "/api/content/v1/revision" }, new String[] { "PUT", "/api/directory/v1/organisations" },
                new String[] { "GET", "/nothing.css" }, new String[] { "GET", "/assets/portal/nothing.css" },
                new String[] { "GET", "/assets/portal/" }, new String[] { "GET", "/nl/nothing/at/all.php" },
                new String[] { "POST", "/nl/community" }, new String[] { "DELETE", "/nl/community" });
        for (String[] r : requests) {
            cases.add(HostileCase.of(Category.FILE_DISCLOSURE, r[0] + " " + r[1] + " names no internal address",
                    client -> Expect.answered(client.send(Request.of(r[0], r[1])))));
        }
        cases.add(HostileCase.of(Category.FILE_DISCLOSURE, "a write with an unknown media type names no internal address",
                client -> Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/pages")
                        .body("application/x-hostile", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8))))));
        return cases;
    }

    private static HostileCase imported(String name, String permalink, byte[] site) {
        return HostileCase.writing(Category.FILE_DISCLOSURE, "an import with " + name, client -> {
            Answer answer = Expect.answered(client.asEditor(Request.of("POST", "/api/content/v1/imports?prune=false&wait=true")
                    .body("application/zip", site)));
            if (answer.status() < 300) {
                readsWithoutFiles(client, "en", permalink);
            }
        });
    }

    /** Refused (400, naming the tag); or stored, and neither the API nor the page holds a file. */
    private static void storedWithoutFiles(Client client, String permalink, String json) throws Exception {
        Answer written = Expect.answered(client.asEditor(Request.of("POST", "/api/content/v1/pages").json(json)));
        if (written.status() == 400) {
            if (!json.contains("\\u0000")) {
                assertThat(written.text()).as("the refusal names the tag").containsIgnoringCase("include");
            }
            return;
        }
        if (written.status() == 201) {
            readsWithoutFiles(client, permalink.startsWith("/nl/") ? "nl" : "en", permalink);
        }
    }

    /** Reads the page through the API (anonymously and as the editor) and rendered; the client checks for files. */
    private static void readsWithoutFiles(Client client, String lang, String permalink) throws Exception {
        Expect.answered(client.send(Request.get("/api/content/v1/pages?lang=" + lang + "&path=" + permalink)));
        Expect.answered(client.asEditor(Request.get("/api/content/v1/pages?lang=" + lang + "&path=" + permalink + "&drafts=true")));
        Expect.answered(client.send(Request.get(permalink)));
    }
}
