package be.biodiversity.portal.content.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kramdown (Jekyll) cases real hosted-portal pages use, each from a real-shaped snippet; the expected HTML is what
 * kramdown writes for it (jekyll-reference), modulo whitespace.
 */
class KramdownCompatibilityTests {

    private final Markdown markdown = new Markdown();

    private String html(String source) {
        return markdown.render(source).html();
    }

    @Test
    void aBlockAttributeListBeforeAParagraphGoesOnIt() {
        String html = html("""
                Using the documentation we can style below paragraph

                {: .box }
                This paragraph is styled by prepending it with `{: .box }`.

                {: .notification .is-warning}
                **But** if you add a lot of customization, the GBIF secretariat wont be able to support you.
                """);
        assertThat(html).contains("<p class=\"box\">This paragraph is styled by prepending it with <code>{: .box }</code>.</p>")
                .contains("<p class=\"notification is-warning\"><strong>But</strong> if you add")
                .doesNotContain("{: .notification");
    }

    @Test
    void aBlockAttributeListAfterAParagraphListTableOrHeadingGoesOnThatBlock() {
        String html = html("""
                Safe
                {: .tag .is-success}

                - Item 1
                - Item 2
                {: .is-compact}

                | Header 1 | Header 2 |
                | --- | --- |
                | Row 1 | Row 2 |
                {: .table .is-striped}

                ## Heading with a class
                {: .has-text-centered}
                """);
        assertThat(html).contains("<p class=\"tag is-success\">Safe</p>")
                .contains("<ul class=\"is-compact\">")
                .contains("<table class=\"table is-striped\">")
                .contains("<h2 class=\"has-text-centered\" id=\"heading-with-a-class\">")
                .doesNotContain("{:");
    }

    @Test
    void aBlockAttributeListBeforeAListTableOrHeadingGoesOnTheFollowingBlock() {
        String html = html("""
                Intro.

                {: .steps}
                1. One
                2. Two

                {:#members .table}
                | --- | --- |
                | VLIZ | Flanders |

                {: #start}
                ## Getting started
                """);
        assertThat(html).contains("<ol class=\"steps\">").contains("<table id=\"members\" class=\"table\">")
                .contains("<h2 id=\"start\">Getting started</h2>").doesNotContain("{:").doesNotContain("<thead>");
    }

    @Test
    void aBlockAttributeListInACodeBlockIsCode() {
        String html = html("""
                ```md
                {: .box }
                text
                ```
                """);
        assertThat(html).contains("{: .box }\ntext");
    }

    @Test
    void spanAttributeListsGoOnEmphasisLinksImagesAndCode() {
        String html = html("""
                *Important*{: .has-text-danger} and **bold**{: .is-size-4} and `code`{: .x}
                [GBIF](https://www.gbif.org){:target="_blank"} and ![logo](/assets/logo.png){:width="80px"}
                """);
        assertThat(html).contains("<em class=\"has-text-danger\">Important</em>")
                .contains("<strong class=\"is-size-4\">bold</strong>").contains("<code class=\"x\">code</code>")
                .contains("<a href=\"https://www.gbif.org\" target=\"_blank\">GBIF</a>")
                .contains("<img src=\"/assets/logo.png\" alt=\"logo\" width=\"80px\" />").doesNotContain("{:");
    }

    @Test
    void spanAttributeListsInTableCellsGoOnTheirLinks() {
        String html = html("""
                | Name | Website |
                |------|---------|
                | Meise Botanic Garden | [plantentuinmeise.be](https://www.plantentuinmeise.be){:target="_blank"} |
                | *INBO*{: .tag} | [inbo.be](https://www.inbo.be){:target="_blank" rel="noopener"} |
                """);
        assertThat(html).contains("<a href=\"https://www.plantentuinmeise.be\" target=\"_blank\">plantentuinmeise.be</a>")
                .contains("<em class=\"tag\">INBO</em>")
                .contains("<a href=\"https://www.inbo.be\" target=\"_blank\" rel=\"noopener\">inbo.be</a>")
                .doesNotContain("{:");
    }

    @Test
    void aLineHoldingOnlyBrIsInlineAndMarkdownGoesOnAfterIt() {
        String html = html("""
                Welcome to the portal.

                <br>
                **Contact** us at [the helpdesk](mailto:info@example.org).

                <br/>
                Next paragraph with _emphasis_.
                """);
        assertThat(html).contains("<br>\n<strong>Contact</strong> us at <a href=\"mailto:info@example.org\">the helpdesk</a>.")
                .contains("<br/>\nNext paragraph with <em>emphasis</em>.")
                .doesNotContain("**").doesNotContain("\u2060");
    }

    @Test
    void markdownInsideAnHtmlBlockWithMarkdown1IsRendered() {
        String html = html("""
                <div class="columns" markdown="1">
                **Members** of the [network](/community)
                </div>

                <div class="overflow-auto" markdown="block">
                | Tables | Are |
                | ------ | --- |
                | col 3  | right |
                </div>
                """);
        assertThat(html).contains("<div class=\"columns\">")
                .contains("<strong>Members</strong> of the <a href=\"/community\">network</a>")
                .contains("<div class=\"overflow-auto\">").contains("<table>").doesNotContain("markdown=")
                .doesNotContain("**");
    }

    @Test
    void aLiquidLoopInsideAnHtmlListStaysHtmlNotAnIndentedCodeBlock() {
        // what {% for %} ... {% endfor %} inside <ul> leaves after Liquid: lines with only spaces
        String html = html("""
                <ul class="members">
                 \s
                    <li><a href="https://www.vliz.be">VLIZ</a></li>
                 \s
                    <li><a href="https://www.inbo.be">INBO</a></li>
                 \s
                </ul>
                After the list, **markdown** again.
                """);
        assertThat(html).doesNotContain("<pre>").doesNotContain("&lt;li&gt;")
                .contains("<li><a href=\"https://www.vliz.be\">VLIZ</a></li>")
                .contains("<p>After the list, <strong>markdown</strong> again.</p>");
    }

    @Test
    void aHeadWrapperWithAStyleHoldingABlankLineKeepsTheRestOfThePage() throws IOException {
        String html = html(resource("head-style.md"));
        assertThat(html).contains("<div class=\"intro-box\">").contains("<h2 id=\"our-partners\">Our partners</h2>")
                .contains("The <strong>partners</strong> of the");
    }

    @Test
    void headerIdsAreKramdownsAndAnOwnIdIsKept() {
        Markdown.Output output = markdown.render("""
                ## Heading h2
                ###### Heading with custom id {#custom_id}
                ## Données ouvertes & partenaires
                """);
        assertThat(output.html()).contains("<h2 id=\"heading-h2\">Heading h2</h2>")
                .contains("<h6 id=\"custom_id\">Heading with custom id</h6>");
        assertThat(output.toc()).extracting(TocEntry::id).containsExactly("heading-h2", "données-ouvertes--partenaires");
    }

    /** From the GBIF.be about page: Jekyll's ids are "confiance" and the guide's title without its link's address. */
    @Test
    void aHeadingsIdLeavesOutImagesAndLinkAddresses() {
        Markdown.Output output = markdown.render("""
                ### ![Trust](/assets/images/icons/valueTrust.png)Confiance
                ## Two applications of the [Quick-Start Guide](https://docs.gbif.org/survey-monitoring-quick-start)
                """);
        assertThat(output.toc()).extracting(TocEntry::id).containsExactly("confiance", "two-applications-of-the-quick-start-guide");
        assertThat(output.toc()).extracting(TocEntry::text).containsExactly("Confiance", "Two applications of the Quick-Start Guide");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = KramdownCompatibilityTests.class.getResourceAsStream("/kramdown/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
