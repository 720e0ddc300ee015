package be.biodiversity.portal.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTests {

    @Test
    void marksWordsThatBeginWithAQueryWordAsWritten() {
        assertThat(Snippets.highlight("Les données d'Écologie végétale", List.of("ecologie"), 200))
                .isEqualTo("Les données d&#39;<mark>Écologie</mark> végétale");
        assertThat(Snippets.highlight("Ecological data, ecologist", List.of("ecolog"), 200))
                .isEqualTo("<mark>Ecolog</mark>ical data, <mark>ecolog</mark>ist");
    }

    @Test
    void escapesTheTextBeforeMarking() {
        String html = Snippets.highlight("<script>alert('x')</script> mark & <b>bold</b>", List.of("mark", "script"),
                200);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
                .isEqualTo("&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; <mark>mark</mark>"
                        + " &amp; &lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void aQueryThatIsMarkupMatchesNothingAndInjectsNothing() {
        assertThat(Snippets.highlight("plain text", Folding.words("<mark>"), 200)).isEqualTo("plain text");
    }

    @Test
    void showsThePassageAroundAMatchFarIntoTheText() {
        String text = "start " + "filler ".repeat(100) + "the biodiversity word " + "tail ".repeat(100);
        String html = Snippets.highlight(text, List.of("biodiversity"), 80);
        assertThat(html).startsWith("… ").endsWith(" …").contains("<mark>biodiversity</mark>");
        assertThat(html.length()).isLessThan(120);
    }

    @Test
    void withoutAMatchShowsTheBeginning() {
        assertThat(Snippets.highlight("one two three four", List.of("zzz"), 8)).isEqualTo("one two …");
    }

    @Test
    void foldedLettersThatGrowStillMarkTheWholeOriginalWord() {
        assertThat(Snippets.highlight("Une œuvre", List.of("oeuvre"), 50)).isEqualTo("Une <mark>œuvre</mark>");
    }
}
