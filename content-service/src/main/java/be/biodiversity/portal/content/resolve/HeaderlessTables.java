package be.biodiversity.portal.content.resolve;


/**
 * Kramdown accepts a table that starts with its separator line ({@code | --- | --- |}) and has no header row; GFM
 * does not. Such a table gets an empty header row here, which is taken out of the HTML again, so it renders
 * as kramdown renders it: a table with body rows only.
 */
final class HeaderlessTables {

    static final String MARK = "\u2060";

    private HeaderlessTables() {
    }

    static String addHeaders(String markdown) {
        if (!markdown.contains("---")) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            boolean startsBlock = i == 0 || lines[i - 1].isBlank() || lines[i - 1].strip().startsWith("{:");
            if (startsBlock && lines[i].contains("|") && isSeparator(lines[i])
                    && i + 1 < lines.length && lines[i + 1].contains("|")) {
                long cells = lines[i].replaceAll("^\\s*\\|", "").replaceAll("\\|\\s*$", "").split("\\|").length;
                out.append("|").append((" " + MARK + " |").repeat((int) cells)).append('\n');
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A table's separator row, {@code | --- | :---: |}: cells of three or more {@code -} with optional {@code :}
     * at either end, between optional outer pipes. Checked by hand in linear time: as a regular expression its
     * runs of optional whitespace took quadratic time on a long line of spaces, and its repeated group overflowed
     * the stack on a long {@code |---|---|...}.
     */
    static boolean isSeparator(String line) {
        String row = line.strip();
        if (row.startsWith("|")) {
            row = row.substring(1);
        }
        if (row.endsWith("|")) {
            row = row.substring(0, row.length() - 1);
        }
        if (row.isBlank()) {
            return false;
        }
        int start = 0;
        while (start <= row.length()) {
            int end = row.indexOf('|', start);
            end = end < 0 ? row.length() : end;
            if (!isCell(row, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static boolean isCell(String row, int start, int end) {
        while (start < end && Character.isWhitespace(row.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(row.charAt(end - 1))) {
            end--;
        }
        if (start < end && row.charAt(start) == ':') {
            start++;
        }
        if (end > start && row.charAt(end - 1) == ':') {
            end--;
        }
        if (end - start < 3) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (row.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    static String removeEmptyHeaders(String html) {
        return html.contains(MARK) ? withoutEmptyHeads(html.replace(MARK, "")) : html;
    }

    /**
     * The HTML without each {@code <thead>} whose cells are all empty (and the whitespace after it). By hand, in
     * linear time: a regular expression repeating a group per cell overflowed the stack on a wide table.
     */
    static String withoutEmptyHeads(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (true) {
            int open = html.indexOf("<thead>", from);
            int close = open < 0 ? -1 : html.indexOf("</thead>", open);
            if (close < 0) {
                return out.append(html, from, html.length()).toString();
            }
            int end = close + "</thead>".length();
            if (isEmptyHead(html.substring(open + "<thead>".length(), close))) {
                out.append(html, from, open);
                while (end < html.length() && Character.isWhitespace(html.charAt(end))) {
                    end++;
                }
            }
            else {
                out.append(html, from, end);
            }
            from = end;
        }
    }

    private static boolean isEmptyHead(String head) {
        StringBuilder compact = new StringBuilder(head.length());
        head.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> compact.append((char) c));
        String row = compact.toString();
        if (!row.startsWith("<tr>") || !row.endsWith("</tr>") || row.length() < 9) {
            return false;
        }
        int i = 4;
        int end = row.length() - 5;
        while (i < end) {
            if (!row.startsWith("<th", i)) {
                return false;
            }
            int tagEnd = row.indexOf('>', i);
            if (tagEnd < 0 || tagEnd >= end || !row.startsWith("</th>", tagEnd + 1)) {
                return false;
            }
            i = tagEnd + 1 + "</th>".length();
        }
        return i == end;
    }
}
