package be.biodiversity.portal.content.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text whose Liquid is flat renders through its Liquid alone exactly as the whole text renders through liqp: the
 * same output, the same problems on the same lines, the same limits; anything else still goes to liqp whole.
 */
class FlatLiquidTests {

    private static final Map<String, String> INCLUDES = Map.of("note.html", "<p>{{ include.text }} on {{ site.title }}</p>",
            "sep.html", "a" + FlatLiquid.SEPARATOR + "b", "loop.html", "{% include loop.html %}");

    private static final Map<String, Object> VARIABLES = Map.of("site", Map.of("title", "GBIF.be", "data",
            Map.of("stats", Map.of("datasets", 42))), "page", Map.of("title", "A page", "lang", "en"));

    private final Liquid flat = new Liquid(LiquidLimits.DEFAULTS, true);
    private final Liquid whole = new Liquid(LiquidLimits.DEFAULTS, false);

    /** What a render gave: the text and its problems, or the limit it passed. */
    private record Rendered(String text, List<ResolveProblem> problems, String limit) {
    }

    private static Rendered render(Liquid liquid, LiquidLimits limits, String text) {
        List<ResolveProblem> problems = new ArrayList<>();
        try (RenderBudget budget = RenderBudget.open(limits, () -> 0L, name -> Optional.ofNullable(INCLUDES.get(name)))) {
            return new Rendered(liquid.render(text, VARIABLES, "body", problems), problems, null);
        }
        catch (LiquidLimitException ex) {
            return new Rendered(null, List.of(), ex.getMessage());
        }
    }

    private void rendersAsTheWholeText(String text) {
        assertThat(render(flat, LiquidLimits.DEFAULTS, text)).as(text)
                .isEqualTo(render(whole, LiquidLimits.DEFAULTS, text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Welcome to {{ site.title }}.\n\nMore text { not Liquid } and }} and %} here.",
            "{{ site.title }}{{ page.title }}", "  {{ site.title | upcase }}  \n", "{{ page.title | append: ' – ' }}x",
            "Line 1\nLine 2 {{ site.missing }}\nLine 3 {{ page.nothing }} {{ site.data.stats.datasets }}",
            "{% assign n = site.data.stats.datasets | plus: 1 %}\nWe have {{ n }} datasets",
            "Before {% include note.html text=\"Hello\" %} after\n{% include_relative note.html %}",
            "line 1\n\nline 3 {% include nothing.html %} and {{ site.title }}",
            "{{ '2025-03-01' | date: '%d %B %Y' }} and {{ site.title | split: ',' | first }}",
            "a {{ site.title | }} b", "a {{ site.title | no_such_filter }} b", "{{ }} a", "a {{ site.title",
            "x {% assign %} y {{ site.title }}", "{{ site.title }} {% include sep.html %}",
            "{{ 'it''s' }} {{ site.title }}", "{% include loop.html %} {{ site.title }}" })
    void aFlatTextRendersAsTheWholeTextDoes(String text) {
        rendersAsTheWholeText(text);
    }

    @Test
    void aFlatTextIsRenderedFromItsLiquidAlone() {
        long before = flat.flatRenders();
        rendersAsTheWholeText("Welcome to {{ site.title }}. " + "Plain text. ".repeat(200));
        rendersAsTheWholeText("{% assign n = 2 %}{{ n }} {% include note.html text=\"x\" %}");
        assertThat(flat.flatRenders()).isEqualTo(before + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{% if site.title %}yes{% endif %}", "{% raw %}{{ site.title }}{% endraw %}",
            "a {{- site.title -}} b", "a {%- assign x = 1 -%} b {{ x }}", "{% comment %}x{% endcomment %}{{ site.title }}",
            "{% for i in (1..3) %}{{ i }}{% endfor %}", "{% capture x %}text{% endcapture %}{{ x | upcase }}",
            "a \u001F {{ site.title }}", "{{ \"}}\" }} a" })
    void anythingElseIsRenderedWhole(String text) {
        long before = flat.flatRenders();
        rendersAsTheWholeText(text);
        assertThat(flat.flatRenders()).isEqualTo(before);
    }

    @Test
    void thePlainTextCountsTowardsTheLimitsAsLiqpCountsIt() {
        String text = "{{ site.title }} " + "word ".repeat(400);
        LiquidLimits total = new LiquidLimits(10_000, 100_000, 250L, 10, 1_500L);
        assertThat(render(whole, total, text).limit()).contains("max-total-length");
        assertThat(render(flat, total, text)).isEqualTo(render(whole, total, text));
        LiquidLimits string = new LiquidLimits(1_000, 100_000, 250L, 10, null);
        assertThat(render(whole, string, text).limit()).contains("max-string-length");
        assertThat(render(flat, string, text)).isEqualTo(render(whole, string, text));
        LiquidLimits steps = new LiquidLimits(1_000_000, 5, 250L, 10, null);
        String runs = "a {{ site.title }} b {{ site.title }} c {{ site.title }} d";
        assertThat(render(whole, steps, runs).limit()).contains("max-iterations");
        assertThat(render(flat, steps, runs)).isEqualTo(render(whole, steps, runs));
    }

    /** Every page of the module's own site and, when it is there, of GBIF.be's repository. */
    @Test
    void everyPageOfTheSitesRendersAsTheWholeTextDoes() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Path.of("src/test/resources/jekyll/site")));
        Path gbif = Path.of("../../shared/fixtures/hp-gbif-be");
        if (Files.isDirectory(gbif)) {
            roots.add(gbif);
        }
        else {
            System.out.println("[FlatLiquidTests] " + gbif.toAbsolutePath().normalize()
                    + " is not there: only the module's own site is compared");
        }
        int pages = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".html"))
                        .toList()) {
                    rendersAsTheWholeText(read(file));
                    pages++;
                }
            }
        }
        assertThat(pages).isGreaterThan(10);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
