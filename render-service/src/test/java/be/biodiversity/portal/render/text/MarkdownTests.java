package be.biodiversity.portal.render.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

    private final Markdown markdown = new Markdown();

    @Test
    void rendersBodyWithTables() {
        String html = this.markdown.toHtml("## Wie we zijn\n\n**Leden**\n\n| Rol | Aantal |\n| --- | --- |\n| Leden | 5 |\n");
        assertThat(html).contains("<h2>Wie we zijn</h2>", "<strong>Leden</strong>", "<table>", "<td>Leden</td>");
    }

    @Test
    void escapesRawHtml() {
        String html = this.markdown.toHtml("Tekst\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>");
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void dropsScriptLinks() {
        assertThat(this.markdown.toHtml("[klik](javascript:alert(1))")).doesNotContain("javascript:");
    }

    @Test
    void dropsDataAndProtocolRelativeLinksKeepingTheirText() {
        String html = this.markdown.toHtml("[a](data:text/html;base64,PHNjcmlwdD4=) [b](/\\evil.example) "
                + "[c](<//evil.example>) ![d](data:image/svg+xml;base64,PHN2Zz4=) [e](/nl/community)");
        assertThat(html).doesNotContain("data:", "evil.example", "<img").contains("a", "b", "c", "d")
            .contains("<a rel=\"nofollow\" href=\"/nl/community\">e</a>");
    }

    @Test
    void aBioOrFooterTextFollowsTheSamePolicy() {
        assertThat(this.markdown.toHtmlWithoutRawHtml("Zie [foto](data:image/png;base64,AAAA) en "
                + "<https://www.gbif.org>")).doesNotContain("data:").contains("Zie foto en")
            .contains("href=\"https://www.gbif.org\"");
        assertThat(this.markdown.toInlineHtml("Foto: [bron](/\\evil.example)")).isEqualTo("Foto: bron");
    }

    @Test
    void leavesTheOnlyH1ToThePageTitle() {
        assertThat(this.markdown.toHtml("# Titel\n\n### Sub")).contains("<h2>Titel</h2>", "<h3>Sub</h3>")
            .doesNotContain("<h1");
    }

    /** Issue 12: kramdown's attribute lists in a hero credit, table cell or after emphasis were shown as text. */
    @Test
    void kramdownAttributeListsAreNeverShownAsText() {
        assertThat(this.markdown.toInlineHtml("Photo by [Y. B.](https://www.flickr.com/x){:target=\"_blank\"}, *CC BY*{: .tag}"))
            .isEqualTo("Photo by <a rel=\"nofollow\" href=\"https://www.flickr.com/x\">Y. B.</a>, <em>CC BY</em>");
        assertThat(this.markdown.toHtml("| a | b |\n|---|---|\n| [x](/x){:target=\"_blank\"} | y |\n\n{: .box}\nText"))
            .doesNotContain("{:").contains("<a rel=\"nofollow\" href=\"/x\">x</a>");
    }

    @Test
    void rendersCreditInline() {
        assertThat(this.markdown.toInlineHtml("Foto: *iemand*, [CC BY](https://creativecommons.org/licenses/by/4.0/)"))
            .isEqualTo("Foto: <em>iemand</em>, "
                    + "<a rel=\"nofollow\" href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY</a>");
        assertThat(this.markdown.toInlineHtml(null)).isNull();
    }


    @org.junit.jupiter.api.Test
    void markdownNestedThousandsDeepIsRenderedNotAStackOverflow() {
        for (String marker : java.util.List.of(">", "- ", "1. ", "> - ")) {
            String text = "Intro\n\n" + marker.repeat(20_000) + "deep";
            assertThat(this.markdown.toHtml(text)).contains("deep");
            assertThat(this.markdown.toHtmlWithoutRawHtml(text)).contains("deep");
        }
        assertThat(this.markdown.toHtml("> > quoted")).contains("<blockquote>\n<blockquote>");
    }

    @org.junit.jupiter.api.Test
    void whatStillOverflowsTheStackIsShownAsEscapedText() {
        String deep = "<b>x</b> " + "*".repeat(200_000) + "a" + "*".repeat(200_000);
        assertThat(this.markdown.toHtmlWithoutRawHtml(deep)).isNotNull().doesNotContain("<b>");
    }

    @Test
    void aShortTextIsMadeIntoInlineHtmlOnceAndLongOnesEachTime() {
        String credit = "Photo: [Meise](https://www.plantentuinmeise.be) *CC BY*";
        assertThat(markdown.toInlineHtml(credit)).isSameAs(markdown.toInlineHtml(credit))
            .isEqualTo("Photo: <a rel=\"nofollow\" href=\"https://www.plantentuinmeise.be\">Meise</a> <em>CC BY</em>");
        String long_ = "a".repeat(Markdown.MAX_KEPT_INLINE + 1);
        assertThat(markdown.toInlineHtml(long_)).isNotSameAs(markdown.toInlineHtml(long_));
    }
}
