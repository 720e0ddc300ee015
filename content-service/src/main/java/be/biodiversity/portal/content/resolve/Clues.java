package be.biodiversity.portal.content.resolve;

/**
 * Whether a text could hold any markup {@link UnsafeMarkup} looks for, in one pass over its characters: most pages
 * hold none, and its patterns, tried at every position of every page, were a quarter of an import's checks. Never
 * says no to a text the patterns would match: each of their alternatives needs one of the words {@code script}
 * (also {@code javascript:}, {@code vbscript:}), {@code object}, {@code embed}, {@code applet}, {@code iframe},
 * {@code text/html} ({@code data:text/html}), or an event handler's shape, {@code on} and letters before {@code =}.
 * Letters compare as the patterns compare them ({@code (?i)}: ASCII case only).
 */
final class Clues {

    private static final String[] WORDS = { "script", "object", "embed", "applet", "iframe", "text/html" };

    private Clues() {
    }

    static boolean any(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                if (handlerBefore(text, i)) {
                    return true;
                }
                continue;
            }
            char lower = (char) (c | 0x20);
            if (lower == 's' || lower == 'o' || lower == 'e' || lower == 'a' || lower == 'i' || lower == 't') {
                for (String word : WORDS) {
                    if (word.charAt(0) == lower && text.regionMatches(true, i, word, 0, word.length())
                            && asciiOnly(text, i, word.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code on} and at least one more ASCII letter, then only whitespace, before the {@code =} at {@code equals}. */
    private static boolean handlerBefore(String text, int equals) {
        int i = equals - 1;
        while (i >= 0 && isSpace(text.charAt(i))) {
            i--;
        }
        int end = i;
        while (i >= 0 && isAsciiLetter(text.charAt(i))) {
            i--;
        }
        // the letters text[i+1 .. end]; the handler's name is any suffix of them that starts with "on"
        for (int start = i + 1; start + 2 <= end; start++) {
            if ((text.charAt(start) | 0x20) == 'o' && (text.charAt(start + 1) | 0x20) == 'n') {
                return true;
            }
        }
        return false;
    }

    /** regionMatches(ignoreCase) also folds non-ASCII letters (the Kelvin sign as k); the patterns do not. */
    private static boolean asciiOnly(String text, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Java's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
