package be.biodiversity.portal.content.resolve;

import be.biodiversity.portal.markdown.MarkdownNesting;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Liquid reads no file of the machine and cannot take the service's memory, threads or time. */
class LiquidSandboxTests {

    /** A clock that stands still: only the time limit test moves time, no test depends on this machine's speed. */
    private static final java.util.function.LongSupplier STOPPED = () -> 0L;

    private final PageResolver resolver = new PageResolver(LiquidLimits.DEFAULTS, STOPPED);

    private final SiteContext site = SiteContext.of(Map.of("title", "GBIF.be"), Map.of(), Map.of(),
            Map.of("note.html", "<p class=\"note\">{{ include.text }} on {{ site.title }}</p>",
                    "self.html", "again {% include self.html %}",
                    "a.html", "a {% include b.html %}", "b.html", "b {% include a.html %}"), "v1");

    private ResolvedPage resolve(PageResolver resolver, String body) {
        return resolver.resolve(new PageSource("en", "/p", null, "Title", null, null, null, body, Map.of(), "page",
                List.of(), null), site);
    }

    private ResolvedPage resolve(String body) {
        return resolve(resolver, body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "include /etc/passwd", "include_relative /etc/passwd", "include /proc/self/environ",
            "include_relative /proc/self/cmdline", "include ../../../../etc/passwd", "include_relative ../pom.xml",
            "include ..\\..\\etc\\passwd", "include file:///etc/passwd", "include http://evil.example/x",
            "include C:/Windows/win.ini", "include pom.xml", "include_relative src/main/resources/application.yml" })
    void anIncludeReadsNoFileOfTheMachine(String tag) {
        ResolvedPage page = resolve("First line\n\nBefore {% " + tag + " %} after");
        assertThat(page.html()).contains("Before  after").doesNotContain("root:").doesNotContain("PATH=")
                .doesNotContain("<project").doesNotContain("spring:");
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.tag()).isEqualTo(tag.substring(0, tag.indexOf(' ')));
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("{% " + tag.substring(0, tag.indexOf(' ')) + " ");
        });
    }

    @Test
    void theSitesOwnIncludesAndTheBuiltInOnesAreIncludedWithTheirParameters() {
        ResolvedPage page = resolve("{% include note.html text=\"Hello\" %}\n\n"
                + "{% include figure.html src=\"/a.png\" alt=\"A\" caption=\"Seen\" %}");
        assertThat(page.problems()).isEmpty();
        assertThat(page.html()).contains("<p class=\"note\">Hello on GBIF.be</p>").contains("<img src=\"/a.png\" alt=\"A\"")
                .contains("<figcaption>Seen</figcaption>");
        assertThat(resolver.builtInIncludes()).contains("figure.html");
    }

    @Test
    void anIncludeThatIsNotThereIsAnErrorNamingTheTag() {
        ResolvedPage page = resolve("{% include nothing.html %}");
        assertThat(page.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("{% include nothing.html %}").contains("neither a file of the site's _includes"));
    }

    @Test
    void includesNestOnlySoDeep() {
        assertThatThrownBy(() -> resolve("{% include self.html %}")).isInstanceOf(LiquidLimitException.class)
                .hasMessageContaining("portal.content.liquid.max-include-depth")
                .hasMessageContaining("self.html -> self.html");
        assertThatThrownBy(() -> resolve("{% include a.html %}")).isInstanceOf(LiquidLimitException.class)
                .hasMessageContaining("a.html -> b.html -> a.html");
    }

    @Test
    void aStringDoubledOverAndOverStopsAtTheStringLimit() {
        String body = "{% assign s = \"0123456789abcdef\" %}" + "{% assign s = s | append: s %}".repeat(26) + "{{ s }}";
        assertThatThrownBy(() -> resolve(body)).isInstanceOf(LiquidLimitException.class)
                .hasMessageContaining("portal.content.liquid.max-string-length")
                .satisfies(ex -> assertThat(((LiquidLimitException) ex).field()).isEqualTo("body"));
    }

    @Test
    void outputBuiltInALoopStopsAtTheStringLimit() {
        String body = "{% capture s %}{% for i in (1..90000) %}0123456789abcdef{% endfor %}{% endcapture %}{{ s }}";
        assertThatThrownBy(() -> resolve(body)).isInstanceOf(LiquidLimitException.class)
                .hasMessageContaining("portal.content.liquid.max-string-length");
    }

    @Test
    void loopsStopAtTheIterationLimit() {
        assertThatThrownBy(() -> resolve("{% for i in (1..1000000000) %}{% endfor %}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("portal.content.liquid.max-iterations");
        assertThatThrownBy(() -> resolve("{% for i in (1..400) %}{% for j in (1..400) %}{{ j | upcase }}{% endfor %}{% endfor %}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("portal.content.liquid.max-iterations");
    }

    @Test
    void aHugeSplitIsNoWayAround() {
        assertThatThrownBy(() -> resolve("{% assign s = \"a\" | append: \"" + "ab".repeat(60_000) + "\" %}"
                + "{% assign parts = s | split: \"\" %}{{ parts | size }}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("list of more than");
    }

    @Test
    void evaluationStopsAtTheTimeLimit() {
        AtomicLong now = new AtomicLong();
        // every reading of the clock moves it by 10 ms: the 26th step is past 250 ms
        PageResolver timed = new PageResolver(LiquidLimits.DEFAULTS, () -> now.getAndAdd(10_000_000L));
        assertThatThrownBy(() -> resolve(timed, "{% for i in (1..100) %}{{ i | upcase }}{% endfor %}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("longer than 250 ms")
                .hasMessageContaining("portal.content.liquid.max-render-millis");
        assertThat(resolve(timed, "{{ site.title | upcase }}").html()).contains("GBIF.BE");
    }

    @Test
    void theLimitsAreSettings() {
        PageResolver small = new PageResolver(new LiquidLimits(100, 50, 250L, 2, null), STOPPED);
        assertThatThrownBy(() -> resolve(small, "{{ \"x\" | append: \"" + "y".repeat(100) + "\" }}"))
                .hasMessageContaining("longer than 100 characters");
        assertThatThrownBy(() -> resolve(small, "{% for i in (1..60) %}{% endfor %}")).hasMessageContaining("50");
        assertThatThrownBy(() -> resolve(small, "{% include a.html %}")).hasMessageContaining("deeper than 2");
    }

    /** A 512K-character string: each of its doublings is under the string limit. */
    private static final String BIG = "{% assign big = \"" + "a".repeat(1024) + "\" %}"
            + "{% assign big = big | append: big %}".repeat(9);

    @Test
    void aReplaceThatWouldMultiplyAStringIsRefusedBeforeItRuns() {
        String b = "b".repeat(1000);
        assertThatThrownBy(() -> resolve(BIG + "{{ big | replace: \"a\", \"" + b + "\" }}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("portal.content.liquid.max-string-length");
        assertThatThrownBy(() -> resolve(BIG + "{{ big | replace: \"\", \"" + b + "\" }}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("portal.content.liquid.max-string-length");
        assertThatThrownBy(() -> resolve(BIG + "{% assign l = \"\" | split: \",\" %}"
                + "{% for i in (1..3) %}{% assign l = l | push: big %}{% endfor %}{{ l | join: big }}"))
                .isInstanceOf(LiquidLimitException.class).hasMessageContaining("portal.content.liquid.max-string-length");
    }

    @Test
    void manyStringsEachUnderTheLimitStopAtTheTotal() {
        String body = BIG + "{% assign l = \"\" | split: \",\" %}{% for i in (1..30) %}"
                + "{% assign s = big | append: i %}{% assign l = l | push: s %}{% endfor %}{{ l | size }}";
        assertThatThrownBy(() -> resolve(body)).isInstanceOf(LiquidLimitException.class)
                .hasMessageContaining("portal.content.liquid.max-total-length");
        PageResolver small = new PageResolver(new LiquidLimits(1000, 100_000, 250L, 10, 5000L), STOPPED);
        assertThatThrownBy(() -> resolve(small, "{% for i in (1..20) %}{% assign s = \"" + "x".repeat(500) + "\" | append: i %}{% endfor %}"))
                .hasMessageContaining("more than 5000 characters in all");
    }

    @Test
    void stripHtmlAndRstripAreOurOwnLinearOnesWithLiqpsResults() {
        liqp.filters.Filter liqps = liqp.parser.Flavor.JEKYLL.getFilters().get("strip_html");
        assertThat(GuardedFilter.own(liqps)).isInstanceOf(LinearFilters.StripHtml.class);
        assertThat(GuardedFilter.own(liqp.parser.Flavor.JEKYLL.getFilters().get("rstrip")))
                .isInstanceOf(LinearFilters.Rstrip.class);
        for (String html : List.of("<p>a</p><script>x</script>b<style>y</style><!-- c -->d", "a < b > c", "<<<<<a",
                "<a\n>b", "<script>\n</script>x", "<!--->x-->y", "<i>a</i>\n<script>z</script><b", "a<<b>>c",
                "<script <script>q</script>", "<a <script>x</script> b>z")) {
            assertThat(new LinearFilters.StripHtml().apply(html, null)).as(html).isEqualTo(liqps.apply(html, null));
        }
        String hostile = "<".repeat(1_000_000);
        assertThat(resolve("{% assign h = \"" + "<".repeat(1000) + "\" %}" + "{% assign h = h | append: h %}".repeat(9)
                + "{{ h | strip_html | size }} {{ h | rstrip | size }}").html()).contains("512000 512000");
        assertThat(new LinearFilters.StripHtml().apply(hostile, null)).isEqualTo(hostile);
        assertThat(new LinearFilters.Rstrip().apply(" ".repeat(100_000) + "x" + " \n\t", null)).isEqualTo(" ".repeat(100_000) + "x");
    }

    @Test
    void markdownNestedThousandsDeepIsTextNotAStackOverflow() {
        for (String marker : List.of(">", "- ", "1. ", "> - ")) {
            ResolvedPage page = resolve("Intro\n\n" + marker.repeat(20_000) + "deep");
            assertThat(page.html()).contains("deep");
        }
    }

    @Test
    void markdownNestedAFewLevelsStaysNested() {
        assertThat(resolve("> > > quoted").html()).contains("<blockquote>\n<blockquote>\n<blockquote>");
        assertThat(MarkdownNesting.cap(">".repeat(40) + " x\nok")).isEqualTo(">".repeat(32) + "\\" + ">".repeat(8) + " x\nok");
        assertThat(MarkdownNesting.cap("1. ".repeat(33))).isEqualTo("1. ".repeat(32) + "1\\. ");
    }

    @Test
    void builtInIncludesComeOnlyFromOurOwnClasses() {
        // src/test/resources/includes/not-ours.html stands for another jar's includes/ folder on the class path
        assertThat(BuiltInIncludes.fromClasspath().names()).contains("figure.html").doesNotContain("not-ours.html");
    }

    @Test
    void aTableSeparatorIsRecognisedInLinearTimeWithoutRecursion() {
        java.util.regex.Pattern regex = java.util.regex.Pattern
                .compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
        for (String line : List.of("|---|---|", "| --- | :---: |", "---|---", " |:--- ", "|--|---|", "| a | b |", "|",
                "||", "|---||---|", "---", ":---:", "| ---: |  ", "|---|---|x", "- - -")) {
            assertThat(HeaderlessTables.isSeparator(line)).as(line).isEqualTo(regex.matcher(line).matches());
        }
        java.util.regex.Pattern emptyHead = java.util.regex.Pattern
                .compile("<thead>\\s*<tr>(\\s*<th[^>]*>\\s*</th>)*\\s*</tr>\\s*</thead>\\s*");
        for (String html : List.of("<table>\n<thead>\n<tr>\n<th></th>\n<th align=\"left\"></th>\n</tr>\n</thead>\n<tbody>",
                "<thead><tr><th>A</th></tr></thead>", "<thead><tr></tr></thead>x", "a<thead>\n<tr><th></th></tr></thead> b "
                        + "<thead><tr><th>x</th></tr></thead><thead><tr><th></th></tr></thead>", "<thead><tr><th></th>")) {
            assertThat(HeaderlessTables.withoutEmptyHeads(html)).as(html).isEqualTo(emptyHead.matcher(html).replaceAll(""));
        }
        // as regular expressions, a wide separator row overflowed the stack (the page could not be shown)
        ResolvedPage page = resolve("Intro\n\n" + "|---".repeat(5_000) + "|\n| a |\n");
        assertThat(page.html()).contains("<td>a</td>");
    }
}
