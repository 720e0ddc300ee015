package be.biodiversity.portal.markdown;

/**
 * Caps how deeply markdown containers nest before the markdown parser sees them: a line of thousands of
 * {@code >} (or {@code - - - ...}) makes as many nested blocks, and rendering them recurses once per level until
 * the stack overflows. Past {@link #MAX_DEPTH} container markers at the start of a line the next marker is
 * escaped, so the rest of the line is text. No page of the site nests more than a few levels.
 */
public final class MarkdownNesting {

    public static final int MAX_DEPTH = 32;

    private MarkdownNesting() {
    }

    public static String cap(String markdown) {
        if (markdown == null) {
            return null;
        }
        StringBuilder out = null;
        int start = 0;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            end = end < 0 ? markdown.length() : end;
            int escape = tooDeep(markdown, start, end);
            if (escape >= 0) {
                if (out == null) {
                    out = new StringBuilder(markdown.length() + 16);
                    out.append(markdown, 0, start);
                }
                out.append(markdown, start, escape).append('\\').append(markdown, escape, end);
            }
            else if (out != null) {
                out.append(markdown, start, end);
            }
            if (out != null && end < markdown.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out == null ? markdown : out.toString();
    }

    /** Where the marker past the limit is (the index to escape) in the line {@code [start, end)}, else -1. */
    private static int tooDeep(String text, int start, int end) {
        int depth = 0;
        int i = start;
        while (i < end) {
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= end) {
                return -1;
            }
            char c = text.charAt(i);
            int markerEnd;
            int escapeAt = i;
            if (c == '>') {
                markerEnd = i + 1;
            }
            else if ((c == '-' || c == '*' || c == '+') && (i + 1 == end || isBlank(text.charAt(i + 1)))) {
                markerEnd = i + 1;
            }
            else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                if (j < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                        && (j + 1 == end || isBlank(text.charAt(j + 1)))) {
                    markerEnd = j + 1;
                    escapeAt = j;
                }
                else {
                    return -1;
                }
            }
            else {
                return -1;
            }
            if (++depth > MAX_DEPTH) {
                return escapeAt;
            }
            i = markerEnd;
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
