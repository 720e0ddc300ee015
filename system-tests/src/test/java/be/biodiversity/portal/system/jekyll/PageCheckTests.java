package be.biodiversity.portal.system.jekyll;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A portal page checked against its source (and Jekyll's page), with snippets from GBIF.be's posts. */
class PageCheckTests {

    private static final PublishedPage RIPARIAS = new PublishedPage("_posts/2024-09-17-RiparIAS.md", "post",
            "/post/2024/riparias/", "post/2024/riparias/index.html", Map.of("layout", "post"), """
            # Innovative Tools and Approaches for the Management of Biological Invasions Conference
            ## Brussels, Belgium, on Tuesday, December 10th, 2024

            [Registration](https://www.riparias.be/846) is open.
            """);

    @Test
    void aPageShowingItsSourceAsThePageHasNothingWrong() {
        String html = page("""
                <h1>LIFE RIPARIAS INTERNATIONAL CONFERENCE 2024</h1>
                <h1>Innovative Tools and Approaches for the Management of Biological Invasions Conference</h1>
                <h2>Brussels, Belgium, on Tuesday, December 10th, 2024</h2>
                <p><a href="https://www.riparias.be/846">Registration</a> is open.</p>""");

        PageCheck check = PageCheck.of(RIPARIAS, html, Optional.empty());

        assertThat(check.wrong()).isEmpty();
        assertThat(check.headings()).isEqualTo(2);
    }

    @Test
    void saysWhatIsMissingOrLeftRaw() {
        String html = page("""
                <p># Innovative Tools and Approaches for the Management of Biological Invasions Conference</p>
                <h2>Brussels, Belgium, on Tuesday, December 10th, 2024</h2>
                <p>[Registration](https://www.riparias.be/846) is open.</p>""").replace("<title>x</title>", "");

        assertThat(PageCheck.of(RIPARIAS, html, Optional.empty()).wrong()).containsExactly("no <title>",
                "0 h1 (the source has 1 of its own)",
                "heading missing: h1 Innovative Tools and Approaches for the Management of Biological Invasions Conference",
                "markdown heading: # Innovative Tools and Approaches for the M",
                "markdown link: [Registration](https://www.riparias.be/846) i");
    }

    @Test
    void whatJekyllShowsTheSameWayIsTheSites() {
        PublishedPage services = new PublishedPage("en/services.md", "page", "/services", "services.html", Map.of(),
                "<div>\n## Inside HTML\n</div>\n\n### GBIF API {: .x}\n");
        String jekyll = page("<h1>Our Services</h1><div>\n## Inside HTML\n</div><h3>GBIF API</h3>");
        String portal = page("<h1>Our Services</h1><div>\n## Inside HTML\n</div><h3 class=\"x\">GBIF API</h3>");

        PageCheck check = PageCheck.of(services, portal, Optional.of(jekyll));

        assertThat(check.wrong()).isEmpty();
        assertThat(check.siteOwn()).containsExactly("heading not shown by Jekyll either: Inside HTML",
                "markdown heading: ## Inside HTML (left by Jekyll too)");
        assertThat(PageCheck.of(services, portal, Optional.empty()).wrong())
                .containsExactly("heading missing: h2 Inside HTML", "markdown heading: ## Inside HTML");
    }

    @Test
    void typographicQuotesAndDashesMatchTheirSource() {
        PublishedPage faqs = new PublishedPage("fr/faqs.md", "page", "/fr/faqs", "fr/faqs.html", Map.of(),
                "### Qu'est-ce que le GBIF -- en bref?\n");

        assertThat(PageCheck.of(faqs, page("<h1>FAQ</h1><h3>Qu’est-ce que le GBIF – en bref?</h3>"),
                Optional.empty()).wrong()).isEmpty();
    }

    private static String page(String main) {
        return "<html><head><title>x</title></head><body><main>" + main + "</main></body></html>";
    }
}
