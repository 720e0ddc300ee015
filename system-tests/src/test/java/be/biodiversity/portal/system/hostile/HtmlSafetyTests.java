package be.biodiversity.portal.system.hostile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector the hostile-input suite relies on finds script where a browser would run it, and only there. */
class HtmlSafetyTests {

    @Test
    void escapedPayloadsAreSafe() {
        String page = "<html><head><title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
                + "<input value=\"&quot; onmouseover=&quot;alert(1)\"><a href=\"/search?q=javascript%3Aalert(1)\">x</a>"
                + "<p>&lt;img src=x onerror=alert(1)&gt;</p></body></html>";
        assertThat(HtmlSafety.problems(page, Payloads.ALL)).isEmpty();
    }

    @Test
    void scriptsHandlersAndScriptUrlsAreFoundAlsoWhenEncoded() {
        assertThat(HtmlSafety.problems("<p><script>alert(1)</script></p>", List.of())).hasSize(1);
        assertThat(HtmlSafety.problems("<img src=x oNeRrOr=alert(1)>", List.of())).hasSize(1);
        assertThat(HtmlSafety.problems("<a href=\"&#106;ava&#x09;script:alert(1)\">x</a>", List.of())).hasSize(1);
        assertThat(HtmlSafety.problems("<a href=\" JaVaScRiPt:alert(1)\">x</a>", List.of())).hasSize(1);
        assertThat(HtmlSafety.problems("<meta http-equiv=\"refresh\" content=\"0;url=/\">", List.of())).hasSize(1);
    }

    @Test
    void aPayloadShownVerbatimIsFoundEvenWhereItDoesNotParseAsMarkup() {
        assertThat(HtmlSafety.problems("<textarea>\"><img src=x onerror=alert(1)></textarea>", List.of(Payloads.IMG)))
                .containsExactly("the payload unescaped: " + Payloads.IMG);
    }

    @Test
    void linksThatBrowsersReadAsAnotherHostAreFound() {
        for (String href : List.of("//evil.example/x", "/\tvil", "/\t/evil.example/x", "/\\evil.example", "\\\\evil.example/x",
                " /\n/evil.example", "https://evil.example", "HTTPS:/\\evil.example/", "http://user@evil.example:8080/")) {
            String page = "<a href=\"" + href.replace("\"", "&quot;") + "\">x</a>";
            if (href.contains("evil")) {
                assertThat(HtmlSafety.offSiteLinks(page, "evil.example")).as(href).hasSize(1);
            }
        }
        assertThat(HtmlSafety.offSiteLinks("<img src=\"data:image/png;base64,AAAA\">", "evil.example")).hasSize(1);
        assertThat(HtmlSafety.offSiteLinks("<a href=\"/%09/evil.example/x\">x</a><a href=\"/evil.example\">x</a>"
                + "<a href=\"https://www.gbif.org/x\">x</a><a href=\"https:evil.example\">x</a>", "evil.example")).isEmpty();
    }
}
