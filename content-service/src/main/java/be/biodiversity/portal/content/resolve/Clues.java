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

    private Clues() {
    }

    /**
     * Over the text's characters as an array: with the client compiler the portal runs, each {@code charAt} was a
     * call with its own index check, and these loops 14 % of an import's checks. A word is compared only where its
     * first two letters are.
     */
    static boolean any(String text) {
        char[] chars = text.toCharArray();
        int length = chars.length;
        for (int i = 0; i + 1 < length; i++) {
            char c = chars[i];
            if (c == '=') {
                if (handlerBefore(chars, i)) {
                    return true;
                }
                continue;
            }
            if (c > 'z') {
                continue;
            }
            char next = lowerAscii(chars[i + 1]);
            String word = switch (lowerAscii(c)) {
                case 's' -> next == 'c' ? "script" : null;
                case 'o' -> next == 'b' ? "object" : null;
                case 'e' -> next == 'm' ? "embed" : null;
                case 'a' -> next == 'p' ? "applet" : null;
                case 'i' -> next == 'f' ? "iframe" : null;
                case 't' -> next == 'e' ? "text/html" : null;
                default -> null;
            };
            if (word != null && at(chars, i, word)) {
                return true;
            }
        }
        // a last character alone is no word, but may be the = of a handler
        return length > 0 && chars[length - 1] == '=' && handlerBefore(chars, length - 1);
    }

    /** Whether {@code word} (lower case ASCII) is at {@code from}, ASCII letters in either case. */
    private static boolean at(char[] chars, int from, String word) {
        if (from + word.length() > chars.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lowerAscii(chars[from + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** {@code on} and at least one more ASCII letter, then only whitespace, before the {@code =} at {@code equals}. */
    private static boolean handlerBefore(char[] text, int equals) {
        int i = equals - 1;
        while (i >= 0 && isSpace(text[i])) {
            i--;
        }
        int end = i;
        while (i >= 0 && isAsciiLetter(text[i])) {
            i--;
        }
        // the letters text[i+1 .. end]; the handler's name is any suffix of them that starts with "on"
        for (int start = i + 1; start + 2 <= end; start++) {
            if (lowerAscii(text[start]) == 'o' && lowerAscii(text[start + 1]) == 'n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Java's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
