package be.biodiversity.portal.content.resolve;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Our own versions of the liqp filters whose regular expressions backtrack: the same results in time linear in
 * the input. liqp's {@code strip_html} ({@code <.*?>}) takes minutes on a line of {@code <<<<...}, and the render
 * clock is only looked at between filter calls.
 */
final class LinearFilters {

    private LinearFilters() {
    }

    /**
     * Removes {@code <script>}, {@code <style>} blocks and comments, then every tag, as liqp does: none of them
     * spans lines (liqp's {@code .} does not match a line break).
     */
    static final class StripHtml extends Filter {

        StripHtml() {
            super("strip_html");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            return stripTags(stripBlocks(asString(value, context)));
        }
    }

    /** Removes the whitespace at the end. */
    static final class Rstrip extends Filter {

        Rstrip() {
            super("rstrip");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            if (!isString(value)) {
                return value;
            }
            String text = asString(value, context);
            int end = text.length();
            while (end > 0 && isSpace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(0, end);
        }
    }

    private static final String[][] BLOCKS = { { "<script", "</script>" }, { "<style", "</style>" }, { "<!--", "-->" } };

    static String stripBlocks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        // per kind of block: where its end marker is next found (searched again only once passed): linear
        int[] nextEnd = new int[BLOCKS.length];
        java.util.Arrays.fill(nextEnd, -2);
        int lineEnd = -1;
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '\n') {
                i++;
                continue;
            }
            if (text.charAt(i) != '<') {
                i++;
                continue;
            }
            if (lineEnd < i) {
                lineEnd = text.indexOf('\n', i);
                lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            }
            int matched = -1;
            for (int k = 0; k < BLOCKS.length && matched < 0; k++) {
                int from = i + BLOCKS[k][0].length();
                if (text.startsWith(BLOCKS[k][0], i)) {
                    if (nextEnd[k] != -1 && nextEnd[k] < from) {
                        nextEnd[k] = text.indexOf(BLOCKS[k][1], from);
                    }
                    if (nextEnd[k] >= 0 && nextEnd[k] + BLOCKS[k][1].length() <= lineEnd) {
                        matched = nextEnd[k] + BLOCKS[k][1].length();
                    }
                }
            }
            if (matched < 0) {
                i++;
                continue;
            }
            out.append(text, copied, i);
            i = matched;
            copied = matched;
        }
        return out.append(text, copied, text.length()).toString();
    }

    static String stripTags(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != '>' && text.charAt(j) != '\n') {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '>') {
                i = j + 1;
            }
            else {
                // no '>' on this line: no '<' before the line break starts a tag
                out.append(text, i, j);
                i = j;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
