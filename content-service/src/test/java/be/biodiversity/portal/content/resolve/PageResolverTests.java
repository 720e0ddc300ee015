package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageResolverTests {

    private final PageResolver resolver = new PageResolver(LiquidLimits.DEFAULTS);

    private final SiteContext site = SiteContext.of(Map.of("title", "GBIF.be"),
            Map.of("images", Map.of("YB02", Map.of("src", "/assets/images/photos/YB02.jpg", "caption", "_Morning_ by Y."))),
            Map.of("fr", Map.of("images", Map.of("YB02", Map.of("src", "/assets/fr.jpg")))));

    private ResolvedPage resolve(String body, Map<String, Object> frontMatter) {
        return resolver.resolve(new PageSource("en", "/community", "community", "Community", "Open data",
                "{{ site.data.images.YB02.src }}", "{{ site.data.images.YB02.caption }}", body, frontMatter, "page",
                List.of(), null), site);
    }

    @Test
    void evaluatesLiquidInFrontMatterAndBodyAgainstSiteData() {
        ResolvedPage page = resolve("Welcome to {{ site.title }}: {{ page.title }} ({{ site.data.fr.images.YB02.src }})",
                Map.of("hero", Map.of("img", "{{ site.data.images.YB02.src }}")));
        assertThat(page.heroImage()).isEqualTo("/assets/images/photos/YB02.jpg");
        assertThat(page.heroImageCredit()).isEqualTo("_Morning_ by Y.");
        assertThat(page.frontMatter()).isEqualTo(Map.of("hero", Map.of("img", "/assets/images/photos/YB02.jpg")));
        assertThat(page.html()).contains("Welcome to GBIF.be: Community (/assets/fr.jpg)");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void missingDataRendersEmptyAsInJekyllAndIsReportedWithItsLine() {
        ResolvedPage page = resolve("First line\n\nSecond {{ site.data.images.NOPE.src }} line", Map.of());
        assertThat(page.html()).contains("Second  line");
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isFalse();
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("site.data.images.NOPE.src");
        });
    }

    @Test
    void aLiquidSyntaxErrorIsAnErrorWithItsLine() {
        ResolvedPage page = resolve("ok\n{% for x in %}", Map.of());
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void kramdownAttributeListsGoOnTheImageInsideALink() {
        ResolvedPage page = resolve("[![RBINS](/assets/images/logos/RBINS.png){:height=\"60px\" width=\"180px\"}](https://www.naturalsciences.be/en)",
                Map.of());
        assertThat(page.html()).contains("<a href=\"https://www.naturalsciences.be/en\"><img src=\"/assets/images/logos/RBINS.png\" alt=\"RBINS\" height=\"60\" width=\"180\" /></a>")
                .doesNotContain("{:");
    }

    @Test
    void imageSizesAreWrittenAsWholePixelsAsHtmlWantsThem() {
        ResolvedPage page = resolve("<img src=\"/a.png\" alt=\"a\" width=\"120px\" height=\" 60.5 \">\n\n"
                + "<img src=\"/b.png\" alt=\"b\" width=\"50%\" height=\"2em\">", Map.of());
        assertThat(page.html()).contains("<img src=\"/a.png\" alt=\"a\" width=\"120\" height=\"60\" />")
                .contains("<img src=\"/b.png\" alt=\"b\" />");
    }

    @Test
    void aTableWithoutHeaderRowRendersAsKramdownDoes() {
        ResolvedPage page = resolve("Logos:\n\n| --- | --- |\n| [A](https://a.org) | [B](https://b.org) |\n| C | D |\n", Map.of());
        assertThat(page.html()).contains("<table>").contains("<td><a href=\"https://a.org\">A</a></td>")
                .doesNotContain("<thead>").doesNotContain("<th>").doesNotContain("| ---");
    }

    @Test
    void gfmTablesHeadingIdsTocAndExcerpt() {
        ResolvedPage page = resolve("First paragraph of the *page*.\n\n## What is GBIF?\n\nText.\n\n### Écrire à l'équipe\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n",
                Map.of());
        assertThat(page.html()).contains("<h2 id=\"what-is-gbif\">What is GBIF?</h2>").contains("<th>a</th>")
                .contains("<td align=\"center\">2</td>");
        assertThat(page.toc()).containsExactly(new TocEntry(2, "what-is-gbif", "What is GBIF?"),
                new TocEntry(3, "écrire-à-léquipe", "Écrire à l'équipe"));
        assertThat(page.excerpt()).isEqualTo("First paragraph of the page.");
    }

    @Test
    void anExcerptHasTheWordsOfItsLinksNotTheirAddresses() {
        // GBIF.be's 2025-09-01-PB_GBIF.md
        ResolvedPage page = resolve("A new [policy brief](https://doi.org/10.5281/zenodo.16890980)  highlights "
                + "Belgium's use of [GBIF](https://www.gbif.org \"GBIF\").\n", Map.of());
        assertThat(page.excerpt()).isEqualTo("A new policy brief  highlights Belgium's use of GBIF.");
    }

    @Test
    void theSanitizerStripsScriptsHandlersAndJavascriptUrlsButKeepsWhatPagesUse() {
        ResolvedPage page = resolve("""
                Hello <script>alert('x')</script> world.

                <img src="/a.png" onerror="alert(1)" width="100"> [click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">x</a>

                Mail [us <i class="fa fa-envelope"></i>](mailto:gbif@biodiversity.be)<br>
                <iframe src="https://evil.example"></iframe><div onclick="steal()" class="note">kept</div>
                """, Map.of());
        assertThat(page.html()).doesNotContainIgnoringCase("<script").doesNotContain("alert")
                .doesNotContainIgnoringCase("javascript:").doesNotContain("onerror").doesNotContain("onclick")
                .doesNotContain("<iframe")
                .contains("<img src=\"/a.png\" width=\"100\" />").contains("<i class=\"fa fa-envelope\"></i>")
                .contains("<br />").contains("<div class=\"note\">kept</div>").contains("mailto:");
    }

    @Test
    void aBlockAttributeListOnTheLastLineOfAParagraphGoesOnTheParagraph() {
        ResolvedPage page = resolve("An introduction.\n{: .lead #intro}\n\nNext.", Map.of());
        assertThat(page.html()).contains("<p class=\"lead\" id=\"intro\">An introduction.</p>").doesNotContain("{:");
    }
}
