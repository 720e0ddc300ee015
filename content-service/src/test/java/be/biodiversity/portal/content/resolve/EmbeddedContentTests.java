package be.biodiversity.portal.content.resolve;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts, frames, handlers and a page's own styles: what is kept, what is removed and reported. */
class EmbeddedContentTests {

    private final PageResolver resolver = new PageResolver(LiquidLimits.DEFAULTS);

    private ResolvedPage resolve(String title, String description, String body) {
        return resolver.resolve(new PageSource("en", "/events", "events", title, description, null, null, body,
                Map.of(), "page", List.of(), null), SiteContext.of(Map.of(), Map.of(), Map.of()));
    }

    private ResolvedPage resolve(String body) {
        return resolve("Events", null, body);
    }

    @Test
    void aScriptIsRemovedAndReportedWithItsLineAndTheRestOfThePageKept() {
        ResolvedPage page = resolve("""
                ## Agenda

                <div id="calendar"></div>
                <script src="https://calendar.example/embed.js"></script>

                See you **there**.
                """);
        assertThat(page.html()).doesNotContainIgnoringCase("<script").doesNotContain("calendar.example")
                .contains("<h2 id=\"agenda\">Agenda</h2>").contains("<strong>there</strong>");
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isFalse();
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("<script> removed");
        });
    }

    @Test
    void aFrameFromAnAllowedHostIsKeptSandboxedLazyAndWithoutReferrer() {
        ResolvedPage page = resolve("""
                <iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/Xx1" title="GBIF video" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen></iframe>

                <iframe src="//player.vimeo.com/video/123"></iframe>

                <iframe src="https://www.google.com/maps/embed?pb=1"></iframe>
                """);
        assertThat(page.html()).contains("src=\"https://www.youtube-nocookie.com/embed/Xx1\"")
                .contains("src=\"https://player.vimeo.com/video/123\"")
                .contains("src=\"https://www.google.com/maps/embed?pb&#61;1\"")
                .contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\"")
                .contains("loading=\"lazy\"").contains("referrerpolicy=\"strict-origin-when-cross-origin\"")
                .contains("width=\"560\"").contains("allowfullscreen");
        assertThat(page.html().split("<iframe", -1)).hasSize(4);
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void aFrameFromAnotherHostOrNotHttpsIsRemovedAndReported() {
        ResolvedPage page = resolve("""
                <iframe src="https://tracker.example/embed"></iframe>

                <iframe src="http://www.youtube.com/embed/x"></iframe>

                <iframe src="https://www.google.com/search?q=x"></iframe>

                <iframe src="https://youtube.com.evil.example/embed"></iframe>
                """);
        assertThat(page.html()).doesNotContain("<iframe");
        assertThat(page.problems()).extracting(ResolveProblem::line).containsExactly(1, 3, 5, 7, null);
        assertThat(page.problems()).filteredOn(p -> p.line() != null)
                .allSatisfy(p -> assertThat(p.message()).contains("<iframe>").contains("removed"));
    }

    @Test
    void theAllowedHostsAreConfigurable() {
        PageResolver own = new PageResolver(LiquidLimits.DEFAULTS, System::nanoTime,
                new EmbedPolicy(new EmbedProperties(List.of("maps.example.org"))));
        ResolvedPage page = own.resolve(new PageSource("en", "/m", "m", "M", null, null, null,
                "<iframe src=\"https://maps.example.org/x\"></iframe>\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
                Map.of(), "page", List.of(), null), SiteContext.of(Map.of(), Map.of(), Map.of()));
        assertThat(page.html()).contains("https://maps.example.org/x").doesNotContain("youtube");
        assertThat(page.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void eventHandlersAreRemovedAndReportedTheElementsKept() {
        ResolvedPage page = resolve("""
                <div class="tabs" onclick="toggle()">Tabs</div>

                <img src="/assets/a.png" alt="A" onerror="alert(1)">
                """);
        assertThat(page.html()).doesNotContain("onclick").doesNotContain("onerror").doesNotContain("alert")
                .contains("<div class=\"tabs\">Tabs</div>").contains("<img src=\"/assets/a.png\" alt=\"A\" />");
        assertThat(page.problems()).extracting(ResolveProblem::line, ResolveProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "event handler 'onclick' removed (pages run no scripts)"),
                org.assertj.core.groups.Tuple.tuple(3, "event handler 'onerror' removed (pages run no scripts)"));
    }

    @Test
    void aPagesStyleIsKeptCleanedAndScopedToTheContent() {
        ResolvedPage page = resolve("""
                <style>
                @import url("https://fonts.example/x.css");
                body { font-size: 18px; }
                .intro-box, h3 > a { background: url(/assets/bg.png); color: #4e8a3e; }
                .tracker { background-image: url("https://evil.example/t.gif"); padding: 1rem; }
                .x { width: expression(alert(1)); position: fixed; }
                @media (max-width: 600px) { .intro-box { padding: 0; } }
                @font-face { font-family: X; src: url(https://fonts.example/x.woff); }
                </style>

                <div class="intro-box">Hello</div>
                """);
        assertThat(page.html()).startsWith("<style>\n")
                .contains(".page-styles { font-size: 18px; }")
                .contains(".page-styles .intro-box, .page-styles h3 > a { background: url(/assets/bg.png); color: #4e8a3e; }")
                .contains(".page-styles .tracker { padding: 1rem; }")
                .contains("@media (max-width: 600px) {\n.page-styles .intro-box { padding: 0; }")
                .contains("<div class=\"page-styles\">\n<div class=\"intro-box\">Hello</div>")
                .doesNotContain("evil.example").doesNotContain("fonts.example").doesNotContain("expression")
                .doesNotContain("fixed").doesNotContain("@font-face").doesNotContain("@import");
        assertThat(page.problems()).extracting(ResolveProblem::message).contains("<style>: @import rule removed",
                "<style>: url() to another site in 'background-image' removed", "<style>: @font-face rule removed");
    }

    @Test
    void aStyleCannotCloseItsElementOrEscapeItsScope() {
        ResolvedPage page = resolve("""
                <style>
                .a { color: red; } .b { content: "</style><script>alert(1)</script>"; }
                .c { color: blue\\3b background: red; }
                </style>
                Text
                """);
        // as in a browser, the style ends at its first </style>; what follows is text, escaped
        assertThat(page.html()).doesNotContain("<script").startsWith("<style>\n.page-styles .a { color: red; }")
                .doesNotContain("alert");
        assertThat(page.html().indexOf("</style>")).isEqualTo(page.html().lastIndexOf("</style>"));
        ResolvedPage escaped = resolve("<style>\n.c { color: blue\\3b background: red; }\n.d { color: red; }\n</style>\nText");
        assertThat(escaped.html()).doesNotContain("\\3b").contains(".page-styles .d { color: red; }");
    }

    @Test
    void aHeadWrapperWhoseStyleHasABlankLineRendersThePage() throws IOException {
        ResolvedPage page = resolve(KramdownCompatibilityTests.resource("head-style.md"));
        assertThat(page.html()).contains(".page-styles .intro-box { background-color: #f0f7f0; padding: 1rem; }")
                .contains("<h3>Who we are</h3>").contains("<h2 id=\"our-partners\">Our partners</h2>")
                .contains("<strong>partners</strong>").doesNotContain("<head>");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void aBodyThatRendersEmptyIsReported() {
        ResolvedPage page = resolve("<script>\nbuildThePage();\n</script>");
        assertThat(page.problems()).extracting(ResolveProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("the body renders empty"));
        assertThat(resolve("Some text").problems()).isEmpty();
    }

    @Test
    void aTitleKeepsItsHarmlessHtmlAndHasAPlainTextForm() {
        ResolvedPage page = resolve("Open <span class=\"is-green\">biodiversity</span> data<script>x</script> &amp; more",
                "Welcome to GBIF.be Hosted Portal.<br> Explore **occurrences** in [our country](/about).", "x");
        assertThat(page.titleHtml()).isEqualTo("Open <span class=\"is-green\">biodiversity</span> data &amp; more");
        assertThat(page.titleText()).isEqualTo("Open biodiversity data & more");
        assertThat(page.title()).isEqualTo("Open <span class=\"is-green\">biodiversity</span> data<script>x</script> &amp; more");
        assertThat(page.descriptionHtml()).isEqualTo(
                "Welcome to GBIF.be Hosted Portal.<br /> Explore <strong>occurrences</strong> in <a href=\"/about\">our country</a>.");
    }
}
