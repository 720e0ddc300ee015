package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work an editor can plant for every visitor to trigger (issue #11, findings 4 and 5; issue #18, finding 6): Liquid
 * that doubles a string, loops, recurses or nests without end, YAML whose anchors expand to megabytes, numbers of
 * a thousand digits. A write or import may be refused (naming the limit) or stored; if stored, reading it must be
 * quick, small and no server error, and the content API must stay up for everyone else: no circuit opened by
 * visitors, no editor write refused with 503.
 */
final class EvaluationBudgetCases {

    /** What reading a planted page may take at most; a render budget is some 250 ms. */
    private static final long READ_MILLIS = 3000;

    /**
     * What anything planted may weigh when read back: the 5.2 MB of the probe's 18 levels is too much; content-service
     * bounds the expanded YAML at 2,000,000 characters, which JSON quoting makes a little more.
     */
    private static final int MAX_EXPANDED_BYTES = 3_000_000;

    private static final List<String[]> LIQUID = List.of(
            new String[] { "a string doubled 26 times",
                    "{% assign s = \"xxxxxxxx\" %}{% for i in (1..26) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}" },
            new String[] { "a string doubled 30 times by capture",
                    "{% capture s %}x{% endcapture %}{% for i in (1..30) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}" },
            new String[] { "three nested loops of 1000",
                    "{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}" },
            new String[] { "a loop over 2,000,000,000",
                    "{% for i in (1..2000000000) %}{% endfor %}done" },
            new String[] { "40,000 appends to a growing string",
                    "{% assign s = \"\" %}{% for a in (1..200) %}{% for b in (1..200) %}{% assign s = s | append: \"xxxxxxxxxxxxxxxxxxxx\" %}{% endfor %}{% endfor %}{{ s | size }}" },
            new String[] { "300 replace|upcase passes over 1.3 MB",
                    "{% assign s = \"abcdefghij\" %}{% for i in (1..17) %}{% assign s = s | append: s %}{% endfor %}"
                            + "{% for i in (1..300) %}{% assign s = s | replace: \"a\", \"b\" | upcase | downcase %}{% endfor %}{{ s | size }}" },
            new String[] { "split and join of a doubled string",
                    "{% assign s = \"a,b,c,d\" %}{% for i in (1..22) %}{% assign s = s | append: \",\" | append: s %}{% endfor %}{% assign parts = s | split: \",\" %}{{ parts | join: \"--\" | size }}" },
            new String[] { "5,000 nested ifs", "{% if true %}".repeat(5000) + "x" + "{% endif %}".repeat(5000) },
            new String[] { "a tablerow of 10,000,000 cells",
                    "{% assign r = (1..10000000) %}{% tablerow c in r cols:1000 %}{{ c }}{% endtablerow %}" },
            new String[] { "an include of /dev/zero", "{% include /dev/zero %}" },
            new String[] { "an include of /dev/urandom", "{% include_relative /dev/urandom %}" });

    private EvaluationBudgetCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (int i = 0; i < LIQUID.size(); i++) {
            String[] liquid = LIQUID.get(i);
            String permalink = "/hostile/budget-" + i;
            cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a page body of " + liquid[0], client -> planted(client,
                    Request.of("POST", "/api/content/v1/pages").json("{\"lang\":\"en\",\"permalink\":\"" + permalink
                            + "\",\"title\":\"Budget\",\"body\":" + Payloads.json(liquid[1]) + "}"),
                    List.of("/api/content/v1/pages?lang=en&path=" + permalink, permalink))));
        }
        cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a title of a string doubled 26 times", client -> planted(client,
                Request.of("POST", "/api/content/v1/pages").json("{\"lang\":\"en\",\"permalink\":\"/hostile/budget-title\","
                        + "\"title\":" + Payloads.json(LIQUID.get(0)[1]) + ",\"body\":\"x\"}"),
                List.of("/api/content/v1/pages?lang=en&path=/hostile/budget-title", "/hostile/budget-title"))));
        // The same planted by an import: the site's own includes, which may include themselves.
        cases.add(importedLiquid("an include that includes itself", "/hostile/budget-self",
                Archives.site("_includes/self.html", "again {% include self.html %}", "budget-self.md",
                        Archives.page("/hostile/budget-self", "Self", "{% include self.html %}"))));
        cases.add(importedLiquid("two includes that include each other", "/hostile/budget-mutual",
                Archives.site("_includes/ping.html", "ping {% include pong.html %}", "_includes/pong.html",
                        "pong {% include ping.html %}", "budget-mutual.md", Archives.page("/hostile/budget-mutual", "Mutual",
                                "{% include ping.html %}"))));
        cases.add(importedLiquid("an include called 30 times by each of 30 nested includes", "/hostile/budget-fan",
                Archives.site(fan(30)[0], fan(30)[1], "_includes/leaf.html", "leaf", "budget-fan.md",
                        Archives.page("/hostile/budget-fan", "Fan", "{% include fan.html %}"))));
        cases.add(importedLiquid("a page of a string doubled 26 times", "/hostile/budget-imported",
                Archives.site("budget-imported.md", Archives.page("/hostile/budget-imported", "Imported", LIQUID.get(0)[1]))));
        cases.addAll(yaml());
        cases.addAll(numbers());
        cases.add(HostileCase.of(Category.EVALUATION_BUDGETS, "after all of these, the content API answers visitors and the editor",
                EvaluationBudgetCases::stillUp));
        return cases;
    }

    /** Anchors that double at each level: {@code levels} levels of two aliases each (40 aliases for 20 levels). */
    static String laughs(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 \"lollollollollollollol\"\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append('l').append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1)
                    .append("]\n");
        }
        return yaml.toString();
    }

    private static List<HostileCase> yaml() {
        List<HostileCase> cases = new ArrayList<>();
        for (int levels : List.of(20, 18, 16)) {
            String name = "hostile-laughs-" + levels;
            cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a data file of anchors doubling " + levels + " times ("
                    + laughs(levels).length() + " bytes)", client -> planted(client, Request.of("PUT", "/api/content/v1/data/" + name)
                            .json("{\"source\":" + Payloads.json(laughs(levels)) + "}"),
                    List.of("/api/content/v1/data/" + name, "/api/content/v1/data"))));
        }
        String wide = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
        cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a data file of ten aliases on five levels (10^6 values)",
                client -> planted(client, Request.of("PUT", "/api/content/v1/data/hostile-wide").json("{\"source\":"
                        + Payloads.json(wide) + "}"), List.of("/api/content/v1/data/hostile-wide"))));
        String merges = "base: &base {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n" + "m1: &m1 {<<: *base, x: [*base, *base, *base, *base]}\n"
                + "m2: &m2 [*m1, *m1, *m1, *m1, *m1, *m1, *m1, *m1]\nm3: &m3 [*m2, *m2, *m2, *m2, *m2, *m2, *m2, *m2]\n"
                + "m4: &m4 [*m3, *m3, *m3, *m3, *m3, *m3, *m3, *m3]\nm5: [*m4, *m4, *m4, *m4, *m4, *m4, *m4, *m4]\n";
        cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a data file of merge keys and aliases",
                client -> planted(client, Request.of("PUT", "/api/content/v1/data/hostile-merges").json("{\"source\":"
                        + Payloads.json(merges) + "}"), List.of("/api/content/v1/data/hostile-merges"))));
        cases.add(importedLiquid("a page whose front matter doubles 20 times", "/hostile/budget-front-matter",
                Archives.site("budget-front-matter.md", "---\ntitle: Laughs\npermalink: /hostile/budget-front-matter\n"
                        + laughs(20) + "---\nx\n")));
        cases.add(importedLiquid("a data file doubling 20 times", "/hostile/budget-data",
                Archives.site("_data/hostile_laughs.yml", laughs(20), "budget-data.md",
                        Archives.page("/hostile/budget-data", "Data", "{{ site.data.hostile_laughs.l20 | size }}"))));
        return cases;
    }

    /** Numbers no field holds, in JSON front matter, YAML front matter and data files: never a server error. */
    private static List<HostileCase> numbers() {
        List<HostileCase> cases = new ArrayList<>();
        String digits = "9".repeat(999);
        cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a JSON front matter number of 999 digits",
                client -> planted(client, Request.of("POST", "/api/content/v1/pages").json("{\"lang\":\"en\",\"permalink\":"
                        + "\"/hostile/number-json\",\"title\":\"Number\",\"body\":\"{{ page.n }}\",\"frontMatter\":{\"n\":" + digits
                        + ",\"m\":1e999999,\"height\":" + digits + "}}"),
                        List.of("/api/content/v1/pages?lang=en&path=/hostile/number-json", "/hostile/number-json"))));
        for (String[] value : new String[][] { { "999 digits", digits }, { "1e999999", "1e999999" }, { ".inf", ".inf" },
                { "-.nan", "-.nan" }, { "0x" + "f".repeat(300), "0x" + "f".repeat(300) }, { "a date in the year 99999", "99999-01-01" } }) {
            String slug = "number-" + Integer.toHexString(value[0].hashCode());
            cases.add(importedLiquid("a front matter number " + value[0], "/hostile/" + slug,
                    Archives.site(slug + ".md", "---\ntitle: Number\npermalink: /hostile/" + slug + "\nn: " + value[1]
                            + "\ndate: " + value[1] + "\nheight: " + value[1] + "\n---\n{{ page.n | plus: 1 }} {{ page.date | date: \"%Y\" }}\n")));
            cases.add(HostileCase.writing(Category.EVALUATION_BUDGETS, "a data file number " + value[0], client -> planted(client,
                    Request.of("PUT", "/api/content/v1/data/hostile-" + slug).json("{\"source\":" + Payloads.json("n: "
                            + value[1] + "\nlist: [" + value[1] + ", " + value[1] + "]\n") + "}"),
                    List.of("/api/content/v1/data/hostile-" + slug))));
        }
        return cases;
    }

    private static String[] fan(int width) {
        return new String[] { "_includes/fan.html", "{% for i in (1.." + width + ") %}{% include fan.html %}{% endfor %}" };
    }

    private static HostileCase importedLiquid(String name, String permalink, byte[] site) {
        return HostileCase.writing(Category.EVALUATION_BUDGETS, "an import with " + name, client -> planted(client,
                Request.of("POST", "/api/content/v1/imports?prune=false&wait=true").body("application/zip", site),
                List.of("/api/content/v1/pages?lang=en&path=" + permalink, permalink)));
    }

    /**
     * The write with the token: answered within the client's timeout without a server error. If stored, twelve
     * anonymous reads of each of {@code reads} (as many as opened the circuit breaker in the probe) are each answered
     * quickly, small, without a 500; and then the content API still answers.
     */
    private static void planted(Client client, Request write, List<String> reads) throws Exception {
        Answer written = client.asEditor(write);
        assertThat(written.status()).as("the write: %s", written).isBetween(200, 499);
        if (written.status() >= 300) {
            return;
        }
        for (String read : reads) {
            for (int i = 0; i < 12; i++) {
                Answer answer = client.another().send(Request.get(read));
                assertThat(answer.status()).as("read %d of %s: %s", i, read, answer)
                        .satisfiesAnyOf(s -> assertThat(s).isBetween(200, 499), s -> assertThat(s).isEqualTo(503));
                assertThat(answer.elapsed().toMillis()).as("read %d of %s took", i, read).isLessThan(READ_MILLIS);
                assertThat(answer.body().length).as("bytes of read %d of %s", i, read).isLessThan(MAX_EXPANDED_BYTES);
            }
        }
        stillUp(client);
    }

    /** Visitors read pages through the API and the editor writes (a 400 for an empty body, not a 503). */
    static void stillUp(Client client) throws Exception {
        for (int i = 0; i < 3; i++) {
            Answer page = client.another().send(Request.get("/api/content/v1/pages?lang=en&path=/hostile/fixture"));
            assertThat(page.status()).as("a visitor's read of the fixture page: %s", page).isEqualTo(200);
            assertThat((String) JsonPath.read(page.text(), "$.permalink")).isEqualTo("/hostile/fixture");
        }
        Answer editor = client.another().asEditor(Request.of("POST", "/api/content/v1/pages").json("{}"));
        assertThat(editor.status()).as("the editor's write: %s", editor).isEqualTo(400);
    }
}
