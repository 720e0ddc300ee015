package be.biodiversity.portal.system.jekyll;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Source left in a page's text, as the reports found it on imported hosted-portal pages. */
class VisibleTextTests {

    @Test
    void findsLiquidKramdownMarkdownAndEscapedHtmlInTheText() {
        String html = """
                <html><head><title>{{ site.title }} | News</title></head><body><main>
                <p>{: .box}</p>
                <p>Welcome to <strong>{% include x.html %}</strong></p>
                <p>[Registration](https://www.riparias.be/846) is open. **Participation is free!**</p>
                <p>Intro<br>
                # Our landscape</p>
                <p>&lt;span class="is-green"&gt;Belgium&lt;/span&gt;</p>
                <p>| Member | Role |
                - Julien Cigar</p>
                <img src="/assets/x.png" alt="{{ site.data.images.YB03.caption }}">
                </main></body></html>
                """;

        assertThat(VisibleText.leftovers(html)).containsExactlyInAnyOrder(
                "Liquid: {{ site.title }} | News",
                "kramdown attributes: {: .box}",
                "Liquid: {% include x.html %}",
                "markdown link: [Registration](https://www.riparias.be/846) i",
                "markdown emphasis: **Participation is free!**",
                "markdown heading: # Our landscape",
                "escaped HTML: <span class=\"is-green\">",
                "escaped HTML: </span>",
                "markdown table: | Member | Role |",
                "markdown list: - Julien Cigar",
                "Liquid in an attribute: {{ site.data.images.YB03.caption }}");
    }

    @Test
    void codeScriptsAndCleanTextAreNotLeftovers() {
        String html = """
                <html><head><title>For authors | Template</title><style>a::before{content:"{{"}</style></head>
                <body><h1>For authors</h1><p>Use <code>{{ site.data.x }}</code> and <code>**bold**</code>.</p>
                <pre># shell comment
                {% raw %}</pre><script>var a = "{{x}}"; // ](</script>
                <p>Prices: 3 &lt; 5 and #1 of 2, a *star* and a link <a href="/x" title="a | b">(x)</a></p>
                <p>Ranges 1 - 2 and a list:</p><ul><li>one</li></ul></body></html>
                """;

        assertThat(VisibleText.leftovers(html)).isEmpty();
        assertThat(VisibleText.title(html)).isEqualTo("For authors | Template");
        assertThat(VisibleText.h1Count(html)).isEqualTo(1);
        assertThat(VisibleText.headings(html)).containsExactly("For authors");
    }
}
