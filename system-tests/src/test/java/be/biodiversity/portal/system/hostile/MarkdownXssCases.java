package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages whose markdown or fields carry script in the forms that slip past naive filters. content-service may
 * refuse such a page (400) or store it; if stored, neither its resolved HTML in the API nor the rendered page may
 * hold any of it as markup.
 */
final class MarkdownXssCases {

    private static final List<String> BODIES = List.of(
            "[x](JaVaScRiPt:alert(1))", "[x](java&#115;cript:alert(1))", "[x](&#106;avascript:alert(1))",
            "[x](javascript&colon;alert(1))", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "![x](x\" onerror=\"alert(1))", "<img src=x oNerror=alert(1)>", "<svg/onload=alert(1)>",
            "<details open ontoggle=alert(1)>", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "A paragraph\n{: onclick=\"alert(1)\"}", "[link](https://example.org){: onmouseover=\"alert(1)\"}",
            "![img](https://example.org/x.png){:onerror=\"alert(1)\"}", "<scr<script>ipt>alert(1)</script>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>", "{{ \"<scr\" | append: \"ipt>alert(1)</script>\" }}",
            "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "| a |\n|---|\n| <script>alert(1)</script> |", "```\n</code><script>alert(1)</script>\n```");

    private MarkdownXssCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (int i = 0; i < BODIES.size(); i++) {
            String permalink = "/hostile/markdown-" + i;
            String body = BODIES.get(i);
            cases.add(HostileCase.writing(Category.STORED_XSS, "markdown " + body.replace("\n", "\\n"), client ->
                    storedSafely(client, permalink, "{\"lang\":\"en\",\"permalink\":\"" + permalink + "\",\"title\":\"Markdown "
                            + permalink.substring(permalink.lastIndexOf('-') + 1) + "\",\"body\":" + Payloads.json(body) + "}", body)));
        }
        cases.add(HostileCase.writing(Category.STORED_XSS, "a page whose title and description are script", client ->
                storedSafely(client, "/hostile/fields", "{\"lang\":\"en\",\"permalink\":\"/hostile/fields\",\"title\":"
                        + Payloads.json(Payloads.TITLE) + ",\"description\":" + Payloads.json(Payloads.IMG) + ",\"body\":\"x\"}",
                        Payloads.TITLE, Payloads.IMG)));
        cases.add(HostileCase.writing(Category.STORED_XSS, "a page whose hero image is a javascript: URL and credit a script link",
                client -> storedSafely(client, "/hostile/hero", "{\"lang\":\"en\",\"permalink\":\"/hostile/hero\",\"title\":\"Hero\","
                        + "\"heroImage\":\"javascript:alert(1)\",\"heroImageCredit\":\"[credit](javascript:alert(1))\",\"body\":\"x\"}")));
        cases.add(HostileCase.writing(Category.STORED_XSS, "a page whose call-to-action buttons lead to javascript:",
                client -> storedSafely(client, "/hostile/cta", "{\"lang\":\"en\",\"permalink\":\"/hostile/cta\",\"title\":\"Cta\","
                        + "\"body\":\"x\",\"frontMatter\":{\"cta\":[{\"text\":" + Payloads.json(Payloads.SVG)
                        + ",\"href\":\"javascript:alert(1)\"},{\"text\":\"b\",\"href\":\" jAvAsCrIpT:alert(1)\"}]}}")));
        return cases;
    }

    /** Refused, or stored and then neither the API's HTML nor the page holds script. */
    private static void storedSafely(Client client, String permalink, String json, String... payloads) throws Exception {
        Answer written = client.asEditor(Request.of("POST", "/api/content/v1/pages").json(json));
        if (written.status() == 400) {
            return;
        }
        assertThat(written.status()).as("stored or refused with 400: %s", written).isEqualTo(201);
        Answer api = client.send(Request.get("/api/content/v1/pages?lang=en&path=" + permalink));
        assertThat(api.status()).as("%s", api).isEqualTo(200);
        String html = JsonPath.read(api.text(), "$.html");
        assertThat(HtmlSafety.problems(html, List.of(payloads))).as("markup in the API's html: %s", html).isEmpty();
        Expect.shownSafely(client.send(Request.get(permalink)), payloads);
    }
}
