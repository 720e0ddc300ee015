package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jekyll's own filters and its highlight block, with snippets from the hosted-portal theme's documentation site
 * (its figure include, its welcome post).
 */
class JekyllFiltersTests {

    private final PageResolver resolver = new PageResolver(LiquidLimits.DEFAULTS, () -> 0L);

    private ResolvedPage resolve(String body, Map<String, String> includes) {
        SiteContext site = SiteContext.of(Map.of("title", "Base theme"), Map.of("x", List.of("a", "b", "c"),
                "hero", "{{ site.data.images.YB03.src }}", "images", Map.of("YB03", Map.of("src",
                        "/assets/images/YB03.jpg"))), Map.of(), includes, "v1");
        return resolver.resolve(new PageSource("en", "/post/2020/toc", null, "Toc", null, null, null, body, Map.of(),
                "post", List.of(), null), site);
    }

    @Test
    void aSiteIncludeThatMarkdownifiesItsCaptionRenders() {
        String figure = """
                <figure class="image">
                  <img src="{{ include.url }}" alt="{{ include.alt }}">
                  <figcaption>{{ include.description | markdownify }}</figcaption>
                </figure>""";
        ResolvedPage page = resolve("{% include figure.html url=\"/assets/img/Haeckel.jpeg\" description=\"Kunstformen "
                + "der Natur (1904) by Ernst Haeckel via [Wikimedia](https://commons.wikimedia.org/wiki/Kunstformen_der_Natur)\" %}",
                Map.of("figure.html", figure));

        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("<img src=\"/assets/img/Haeckel.jpeg\"")
                .contains("by Ernst Haeckel via <a href=\"https://commons.wikimedia.org/wiki/Kunstformen_der_Natur\"")
                .doesNotContain("[Wikimedia]");
    }

    @Test
    void jekyllsStringFilters() {
        ResolvedPage page = resolve("""
                {{ "Special /?{:å characters" | slugify }} {{ "Ünïcode Title" | slugify: "latin" }}
                {{ "a < b & 'c'" | xml_escape }} {{ "a b&c" | cgi_escape }} {{ "/x y/é" | uri_escape }}
                {{ "one two  three" | number_of_words }} {{ site.data.x | array_to_sentence_string }}""", Map.of());

        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("special-å-characters", "unicode-title", "a &lt; b &amp; &#39;c&#39;",
                "a&#43;b%26c", "/x%20y/%C3%A9", "3", "a, b, and c");
    }

    @Test
    void liquifyRendersTheLiquidADataValueHoldsAndJsonifyWritesJson() {
        // hp-gbif-be's pages name their hero as "{{ site.data.images.YB03.src }}"; the theme liquifies such values
        ResolvedPage page = resolve("""
                <img src="{{ site.data.hero | liquify }}">
                <p>{{ site.data.x | jsonify }}</p>
                {{ "plain" | liquify }}""", Map.of());

        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("<img src=\"/assets/images/YB03.jpg\"").contains("plain")
                .contains("[&#34;a&#34;,&#34;b&#34;,&#34;c&#34;]");
        assertThat(JekyllFilters.json(Map.of("a", List.of(1, "x\"<y>"), "b", true)))
                .isIn("{\"a\":[1,\"x\\\"\\u003cy\\u003e\"],\"b\":true}", "{\"b\":true,\"a\":[1,\"x\\\"\\u003cy\\u003e\"]}");
    }

    @Test
    void liquifyThatNamesItselfStopsAtTheIncludeDepth() {
        SiteContext site = SiteContext.of(Map.of("title", "Base theme"),
                Map.of("loop", "{{ site.data.loop | liquify }}"), Map.of(), Map.of(), "v1");
        PageSource source = new PageSource("en", "/loop", null, "Loop", null, null, null,
                "{{ site.data.loop | liquify }}", Map.of(), "page", List.of(), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.resolve(source, site))
                .isInstanceOf(LiquidLimitException.class);
    }

    @Test
    void aHighlightBlockIsItsCodeEscapedAsJekyllWritesIt() {
        ResolvedPage page = resolve("""
                Jekyll also offers powerful support for code snippets:

                {% highlight ruby %}
                def print_hi(name)
                  puts "Hi, #{name}"

                end
                print_hi('Tom')
                #=> prints 'Hi, Tom' to STDOUT.
                {% endhighlight %}

                Check out the [Jekyll docs][jekyll-docs].""", Map.of());

        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("<figure class=\"highlight\"><pre><code class=\"language-ruby\"")
                .contains("puts &#34;Hi, #{name}&#34;\n\nend\nprint_hi(&#39;Tom&#39;)")
                .contains("#&#61;&gt; prints &#39;Hi, Tom&#39; to STDOUT.</code></pre></figure>")
                .doesNotContain("{% highlight", "<h1>");
    }
}
