package be.biodiversity.portal.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A short passage of a text around the first place a query matches, as safe HTML: the text is escaped, then the
 * words that begin with a query word are wrapped in {@code <mark>}. Matching folds as {@link Folding} does, so
 * {@code ecologie} marks {@code Écologie} as written.
 */
public final class Snippets {

    private Snippets() {
    }

    /**
     * @param text       plain text (never HTML: it is escaped here)
     * @param queryWords folded query words
     * @param maxChars   about how many characters of the text to show
     */
    public static String highlight(String text, List<String> queryWords, int maxChars) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<int[]> marks = matches(text, queryWords);
        int start = 0;
        if (!marks.isEmpty() && marks.get(0)[1] > maxChars) {
            start = wordStartBefore(text, Math.max(0, marks.get(0)[0] - maxChars / 3));
        }
        int end = Math.min(text.length(), start + maxChars);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        StringBuilder html = new StringBuilder(end - start + 32);
        if (start > 0) {
            html.append("… ");
        }
        int at = start;
        for (int[] mark : marks) {
            if (mark[0] < at || mark[1] > end) {
                continue;
            }
            escape(html, text, at, mark[0]);
            html.append("<mark>");
            escape(html, text, mark[0], mark[1]);
            html.append("</mark>");
            at = mark[1];
        }
        escape(html, text, at, end);
        if (end < text.length()) {
            html.append(" …");
        }
        return html.toString();
    }

    /** The ranges {@code [start, end)} of the text's words that begin with a query word, in order. */
    public static List<int[]> matches(String text, List<String> queryWords) {
        StringBuilder folded = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 2 + 4];
        for (int i = 0; i < text.length(); i++) {
            int before = folded.length();
            Folding.append(folded, text.charAt(i));
            if (folded.length() > origin.length) {
                origin = java.util.Arrays.copyOf(origin, folded.length() * 2);
            }
            for (int f = before; f < folded.length(); f++) {
                origin[f] = i;
            }
        }
        List<int[]> ranges = new ArrayList<>();
        if (queryWords.isEmpty()) {
            return ranges;
        }
        String foldedText = folded.toString();
        for (int f = 0; f < folded.length(); f++) {
            if (!Folding.isWordChar(folded.charAt(f)) || (f > 0 && Folding.isWordChar(folded.charAt(f - 1)))) {
                continue;
            }
            int longest = 0;
            for (String word : queryWords) {
                if (word.length() > longest && folded.length() - f >= word.length()
                        && foldedText.startsWith(word, f)) {
                    longest = word.length();
                }
            }
            if (longest > 0) {
                int start = origin[f];
                int end = origin[f + longest - 1] + 1;
                while (end < text.length() && Character.getType(text.charAt(end)) == Character.NON_SPACING_MARK) {
                    end++;
                }
                ranges.add(new int[] { start, end });
                f += longest - 1;
            }
        }
        return ranges;
    }

    private static int wordStartBefore(String text, int at) {
        int space = text.lastIndexOf(' ', at);
        return space < 0 ? 0 : space + 1;
    }

    /** Escapes what HTML gives a meaning to, in text and in attribute values. */
    public static void escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
