package be.biodiversity.portal.render.page;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import be.biodiversity.portal.render.site.SafeUrls;

import static org.assertj.core.api.Assertions.assertThat;

/** content-service's body HTML under the same URL policy as the rest of the page. */
class ContentHtmlTests {

    @Test
    void htmlWithNothingToRefuseIsPassedOnAsItCame() {
        String html = "<h2 id=\"a\">A</h2>\n<p><a href=\"/nl/community\">x</a> <img src=\"/assets/a.png\" alt=\"a\">"
                + " <a href='https://www.gbif.org/?a=1&amp;b=2'>g</a> <a href=mailto:a@b.be>m</a></p>";
        assertThat(ContentHtml.safe(html)).isSameAs(html);
    }

    @Test
    void linksAndImagesBrowsersWouldReadAsAnotherSiteOrAsCodeAreDropped() {
        String html = "<p><a href=\"/\\evil.example\">one</a> <a href=\"/&#9;/evil.example\">two</a>"
                + " <a href=\"data:text/html;base64,PHNjcmlwdD4=\">three</a> <img src=\"//evil.example/x.png\" alt=\"four\">"
                + " <img src=\"/ok.png\" srcset=\"/ok.png 1x, //evil.example/y.png 2x\" alt=\"five\">"
                + " <a href=\"/nl/community\">six</a></p>";
        String safe = ContentHtml.safe(html);
        assertThat(safe).doesNotContain("evil.example", "data:", "srcset")
            .contains("one", "two", "three", "four", "<img src=\"/ok.png\" alt=\"five\">",
                    "<a href=\"/nl/community\">six</a>");
    }

    @Test
    void theQuickLookPassesOnlyWhatEveryUrlAttributeAllows() {
        // what the quick look was, a regular expression over the body; the pass over = signs may send more bodies
        // to the parser (a name=value inside a URL's value), never fewer
        String[] parts = {"<a", "<img", " ", "\t", "\"", "'", "/", "=", "href", "HREF", "src", "srcset", "xlink:href",
            "data", "title", "data-src", "x", ">", "/ok", "//evil.example", "/\\evil", "javascript:alert(1)", "&#9;",
            "https://www.gbif.org/?a=1&amp;b=2", ", ", " 2x", "mailto:a@b.be", "é"};
        Random random = new Random(11);
        int same = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder html = new StringBuilder();
            for (int k = random.nextInt(14); k >= 0; k--) {
                html.append(parts[random.nextInt(parts.length)]);
            }
            boolean quick = ContentHtml.allAllowed(html.toString());
            boolean before = byRegex(html.toString());
            if (quick) {
                assertThat(before).as(html.toString()).isTrue();
            }
            same += quick == before ? 1 : 0;
        }
        assertThat(same).as("the same answer nearly always").isGreaterThan(29_000);
        assertThat(ContentHtml.allAllowed("<a title=x href = \"/\\evil.example\">")).isFalse();
        assertThat(ContentHtml.allAllowed("<a HREF='javascript:alert(1)'>")).isFalse();
        assertThat(ContentHtml.allAllowed("<img\tsrc=//evil.example/x.png>")).isFalse();
        assertThat(ContentHtml.allAllowed("<img data-src=\"//evil.example/x.png\" src=\"/ok.png\">")).isTrue();
    }

    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?i)[\\s\"'/](href|action|formaction|cite|xlink:href|src|poster|background|data|srcset)\\s*=\\s*"
                    + "(\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

    private static boolean byRegex(String html) {
        Matcher matcher = URL_ATTRIBUTE.matcher(html);
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            String raw = matcher.group(3) != null ? matcher.group(3)
                    : matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
            String value = Parser.unescapeEntities(raw, true);
            boolean link = Set.of("href", "action", "formaction", "cite", "xlink:href").contains(name);
            boolean allowed = link ? SafeUrls.link(value) != null : name.equals("srcset")
                    ? java.util.Arrays.stream(value.split(",")).map(c -> c.strip().split("\\s+", 2)[0])
                            .allMatch(u -> u.isEmpty() || SafeUrls.image(u) != null)
                    : SafeUrls.image(value) != null;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
