package be.biodiversity.portal.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How every search of the portal compares text: lower case, accents and other marks removed, a few letters that
 * carry no mark written out ({@code œ} as {@code oe}, {@code ß} as {@code ss}), split into words of letters and
 * digits. {@code "Écologie"} and {@code "ecologie"} are one word. The same folding is applied when indexing and
 * when querying, on every backend, so results never depend on a database's collation.
 */
public final class Folding {

    private Folding() {
    }

    /** Lower case without accents, surrounding blanks removed; {@code null} stays {@code null}. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (isAscii(stripped)) {
            return asciiLower(stripped);
        }
        StringBuilder folded = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            append(folded, stripped.charAt(i));
        }
        return folded.toString();
    }

    /** The folded words of a text, in order of first appearance, without repeats; empty for {@code null}. */
    public static List<String> words(String text) {
        String folded = fold(text);
        if (folded == null || folded.isEmpty()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean inWord = i < folded.length() && isWordChar(folded.charAt(i));
            if (inWord && start < 0) {
                start = i;
            }
            else if (!inWord && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return List.copyOf(words);
    }

    /** The folded words of several texts, without repeats; {@code null} texts are left out. */
    public static String[] words(Collection<String> texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            words.addAll(words(text));
        }
        return words.toArray(String[]::new);
    }

    /** Each text's folded words joined by single spaces, for matching a whole query as a phrase. */
    public static String[] phrases(Collection<String> texts) {
        List<String> phrases = new ArrayList<>();
        for (String text : texts) {
            List<String> words = words(text);
            if (!words.isEmpty()) {
                phrases.add(String.join(" ", words));
            }
        }
        return phrases.toArray(String[]::new);
    }

    /** Whether a folded character belongs to a word. */
    public static boolean isWordChar(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                : Character.isLetterOrDigit(c);
    }

    /** Appends the folding of one character (possibly nothing, for a mark; two letters for {@code œ}). */
    static void append(StringBuilder out, char c) {
        if (c < 128) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            return;
        }
        switch (c) {
            case 'œ', 'Œ' -> out.append("oe");
            case 'æ', 'Æ' -> out.append("ae");
            case 'ß' -> out.append("ss");
            case 'ø', 'Ø' -> out.append('o');
            case 'ł', 'Ł' -> out.append('l');
            case 'đ', 'Đ' -> out.append('d');
            default -> {
                if (isMark(c)) {
                    return;
                }
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int i = 0; i < decomposed.length(); i++) {
                    char d = decomposed.charAt(i);
                    if (!isMark(d)) {
                        out.append(Character.toLowerCase(d));
                    }
                }
            }
        }
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = text.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + 32);
                    }
                }
                return new String(chars);
            }
        }
        return text;
    }
}
