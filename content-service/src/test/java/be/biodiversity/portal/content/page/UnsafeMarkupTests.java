package be.biodiversity.portal.content.page;

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
}
