package be.biodiversity.portal.render.page;

import org.junit.jupiter.api.Test;

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
}
