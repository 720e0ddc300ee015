package be.biodiversity.portal.content.page;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Jekyll's {@code slugify} in its default mode: every run of non-alphanumerics becomes one hyphen, lower case. */
public final class Slugs {

    private Slugs() {
    }

    public static String slugify(String text) {
        String slug = text.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return slug.toLowerCase(Locale.ROOT);
    }

    /**
     * Lower case without accents, for matching text the way a visitor types it: the text decomposed (NFD), its marks
     * removed, lower-cased. Character by character, from a table for the Latin ones: the whole text through the
     * normalizer and a regular expression was a sixth of an import's page writes (every page's folded copy).
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        int first = 0;
        while (first < chars.length && chars[first] < TABLE_FROM) {
            first++;
        }
        if (first == chars.length) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(chars.length).append(chars, 0, first);
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (c < TABLE_FROM) {
                out.append(c);
            }
            else if (c < TABLE_TO) {
                out.append(TABLE[c - TABLE_FROM]);
            }
            else if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                out.append(withoutMarks(new String(chars, i, 2)));
                i++;
            }
            else {
                out.append(withoutMarks(String.valueOf(c)));
            }
        }
        // lower case over the whole text, as before (a Greek capital sigma at a word's end is a final sigma)
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Below U+00C0 no character decomposes or is a mark. */
    private static final char TABLE_FROM = 0xC0;
    /** Latin-1, Latin Extended A and B, IPA, spacing modifiers and the combining marks. */
    private static final char TABLE_TO = 0x370;
    private static final String[] TABLE = new String[TABLE_TO - TABLE_FROM];
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static {
        for (char c = TABLE_FROM; c < TABLE_TO; c++) {
            TABLE[c - TABLE_FROM] = withoutMarks(String.valueOf(c));
        }
    }

    private static String withoutMarks(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }
}
