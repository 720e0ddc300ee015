package be.biodiversity.portal.content.resolve;

import java.util.regex.Pattern;

/**
 * Kramdown accepts a table that starts with its separator line ({@code | --- | --- |}) and has no header row; GFM
 * does not. Such a table gets an empty header row here, which is taken out of the HTML again, so it renders
 * as kramdown renders it: a table with body rows only.
 */
final class HeaderlessTables {

    private static final Pattern SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern EMPTY_HEAD = Pattern.compile("<thead>\\s*<tr>(\\s*<th[^>]*>\\s*</th>)*\\s*</tr>\\s*</thead>\\s*");
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
            boolean startsBlock = i == 0 || lines[i - 1].isBlank();
            if (startsBlock && lines[i].contains("|") && SEPARATOR.matcher(lines[i]).matches()
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

    static String removeEmptyHeaders(String html) {
        return html.contains(MARK) ? EMPTY_HEAD.matcher(html.replace(MARK, "")).replaceAll("") : html;
    }
}
