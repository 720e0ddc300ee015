package be.biodiversity.portal.content.page;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folding of editors' text queries and of the pages' folded copies: character by character it must answer what
 * the whole text decomposed, stripped of its marks and lower-cased answers, or a page stored before would stop
 * matching a query.
 */
class SlugsTests {

    private static String reference(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void everyCharacterFoldsAsTheWholeTextWould() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "Z";
            assertThat(Slugs.fold(text)).as("U+%04X", c).isEqualTo(reference(text));
        }
    }

    @Test
    void mixedTextsFoldAsBefore() {
        // Latin with precomposed and combining accents, Greek (a final sigma), Cyrillic, Hangul, Vietnamese
        // (two marks on one letter, in either order), emoji and other pairs of surrogates, a lone surrogate
        String[] pieces = { "Écologie", "e\u0301", "\u0301", "o\u0323\u0302", "o\u0302\u0323", "ỗ", "Ἄ", "ΟΔΟΣ", "Σ",
            "ς", " ", "Ёж", "한국", "İ", "ß", "œ", "ﬁ", "\uD83C\uDF33", "\uD835\uDC00", "\uD800", "K", "\u212A", "-",
            "1", "Å", "\u0345", "ǅ", "ǈ" };
        Random random = new Random(20261204);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(10);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(Slugs.fold(text.toString())).as("'%s'", text).isEqualTo(reference(text.toString()));
        }
    }

    @Test
    void asciiIsOnlyLowerCased() {
        assertThat(Slugs.fold("Belgian Biodiversity Platform")).isEqualTo("belgian biodiversity platform");
        assertThat(Slugs.fold(null)).isEmpty();
    }
}
