package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-pass clue never says no to a text UnsafeMarkup's patterns match: it only spares them the others. */
class CluesTests {

    /** The union of UnsafeMarkup's patterns (UNSAFE, PARTS, SCRIPT_URL). */
    private static final Pattern ANY = Pattern.compile(
            "(?i)<\\s*+(?:script|iframe|object|embed|applet)\\b|<[a-z][^<>]{0,2000}?[\\s/\"']on[a-z]++\\s*+="
                    + "|(?:javascript|vbscript)\\s*+:|data\\s*+:\\s*+text/html");

    private static final List<String> PIECES = List.of("<", ">", " ", "\t", "\n", "\u000B", "/", "\"", "'", "=", ":",
            "on", "ON", "oN", "click", "load", "Error", "a", "img", "svg", "p", "script", "SCRIPT", "java", "vb",
            "data", "text/html", "TEXT/HTML", "iframe", "object", "embed", "applet", "\u212A", "\u0130", "é", "x", "1",
            "&", ";", "href", "src", "style");

    @Test
    void everyTextThePatternsMatchHasAClue() {
        Random random = new Random(20261203);
        int matched = 0;
        for (int n = 0; n < 200_000; n++) {
            String t = RandomTexts.of(random, PIECES, 1 + random.nextInt(12));
            if (ANY.matcher(t).find()) {
                matched++;
                assertThat(Clues.any(t)).as("'%s'", t).isTrue();
            }
        }
        assertThat(matched).as("the sample holds matches").isGreaterThan(1_000);
    }

    @Test
    void knownAttacksHaveClues() {
        for (String attack : List.of("<script>alert(1)</script>", "<ScRiPt >", "<svg/onload=alert(1)>",
                "<img src=x onerror =alert(1)>", "<a href=\"JaVaScRiPt:alert(1)\">", "<a href='vbscript :x'>",
                "<a href=\"data: text/html;base64,PHN\">", "<iframe src=//evil.example>", "<object data=x>",
                "<embed src=x>", "<applet code=x>", "<p\nonmouseover\n=\"x\">")) {
            assertThat(ANY.matcher(attack).find()).as(attack).isTrue();
            assertThat(Clues.any(attack)).as(attack).isTrue();
        }
    }

    @Test
    void anOrdinaryPageHasNoneAndIsLeftToTheSanitizerAlone() {
        String page = "<h2 id=\"data-use\">Data use</h2>\n<p>Belgian <a href=\"/publishers\">publishers</a> share "
                + "occurrence records; see <img src=\"/assets/map.png\" alt=\"map\" width=\"300\">.</p>";
        assertThat(Clues.any(page)).isFalse();
        assertThat(UnsafeMarkup.removals(page, src -> false)).isEmpty();
        assertThat(UnsafeMarkup.find(page)).isEmpty();
    }
}
