package be.biodiversity.portal.content.resolve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Event handlers are found however the attribute is separated from the tag, within a bounded search. */
class UnsafeMarkupTests {

    @ParameterizedTest
    @ValueSource(strings = { "<svg/onload=alert(1)>", "<img src=x onerror=alert(1)>", "<a href=\"x\"onclick=y>",
            "<a href='x'onmouseover = y>", "<IMG\tSRC=x\tONERROR=z>", "<script>x</script>", "[a](javascript:x)" })
    void unsafeMarkupIsFound(String text) {
        assertThat(UnsafeMarkup.find("fine\n" + text)).hasValueSatisfying(m -> assertThat(m).startsWith("line 2: "));
    }

    @ParameterizedTest
    @ValueSource(strings = { "<a href=\"/x\" title=\"one\">x</a>", "I am online = yes", "<p class=\"button\">" })
    void safeMarkupIsNot(String text) {
        assertThat(UnsafeMarkup.find(text)).isEmpty();
    }

    @Test
    void theSearchForAHandlerIsBoundedToItsTag() {
        // unbounded, "<a<a<a..." took time quadratic in its length; a handler is looked for only up to the next
        // '<' or '>' and 2000 characters (the sanitizer removes any handler anyway)
        assertThat(UnsafeMarkup.find("<a " + "x".repeat(3000) + " onclick=y>")).isEmpty();
        assertThat(UnsafeMarkup.find("<a<a<a<a onclick=y>")).isPresent();
        assertThat(UnsafeMarkup.find("<a" + "<a".repeat(100_000))).isEmpty();
    }

    @Test
    void aWriteIsRefusedOnlyForScriptUrls() {
        assertThat(UnsafeMarkup.findRefused("ok\n[a](JavaScript :alert(1))")).hasValueSatisfying(
                m -> assertThat(m).startsWith("line 2: ").contains("javascript"));
        assertThat(UnsafeMarkup.findRefused("<script>x</script><img src=x onerror=y><iframe src=\"https://e.example\">"))
                .isEmpty();
    }

    @Test
    void removalsListEverythingTheSanitizingTakesOutWithItsLine() {
        String page = """
                Our calendar:
                <script src="https://widgets.example/cal.js"></script>
                <button onclick="toggle()">Show</button> <select onchange='go(this)'>
                <iframe src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>
                <iframe src="https://tracker.example/frame"></iframe>
                <object data="x.swf"></object> [x](javascript:void(0))
                """;
        assertThat(UnsafeMarkup.removals(page, src -> src.startsWith("https://www.youtube.com/")))
                .extracting(UnsafeMarkup.Removal::line, UnsafeMarkup.Removal::markup)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "<script>"),
                        org.assertj.core.groups.Tuple.tuple(3, "onclick"), org.assertj.core.groups.Tuple.tuple(3, "onchange"),
                        org.assertj.core.groups.Tuple.tuple(5, "<iframe src=\"https://tracker.example/frame\">"),
                        org.assertj.core.groups.Tuple.tuple(6, "<object>"), org.assertj.core.groups.Tuple.tuple(6, "javascript:"));
    }

    @Test
    void removalsAreFoundInLinearTime() {
        // would take minutes if each '<' searched the rest of the text
        assertThat(UnsafeMarkup.removals("<a" + "<a".repeat(200_000), src -> false)).isEmpty();
        assertThat(UnsafeMarkup.removals("<iframe " + "x".repeat(100_000), src -> false)).hasSize(1);
    }
}
