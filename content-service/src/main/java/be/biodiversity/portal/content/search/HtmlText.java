package be.biodiversity.portal.content.search;

import java.util.Set;

/**
 * The text a visitor reads in a resolved page's HTML (already sanitized by content-service): tags dropped, block
 * boundaries as spaces, entities decoded, runs of white space collapsed. Linear, no regular expressions.
 */
final class HtmlText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "template");

    private HtmlText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break;
                }
                boolean closing = i + 1 < close && html.charAt(i + 1) == '/';
                String name = tagName(html, i + 1, close);
                text.append(' ');
                i = close + 1;
                if (!closing && SKIPPED.contains(name)) {
                    int end = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + name, i);
                    i = end < 0 ? html.length() : end;
                }
            }
            else if (c == '&') {
                i = entity(html, i, text);
            }
            else {
                text.append(Character.isWhitespace(c) ? ' ' : c);
                i++;
            }
        }
        return collapse(text);
    }

    private static String tagName(String html, int from, int to) {
        int start = from < to && html.charAt(from) == '/' ? from + 1 : from;
        int end = start;
        while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** Appends the character of the entity at {@code at}; returns where the text goes on. */
    private static int entity(String html, int at, StringBuilder out) {
        int semi = html.indexOf(';', at);
        if (semi < 0 || semi - at > 10) {
            out.append('&');
            return at + 1;
        }
        String name = html.substring(at + 1, semi);
        int code = switch (name) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            case "nbsp" -> ' ';
            default -> numeric(name);
        };
        if (code < 0) {
            out.append('&');
            return at + 1;
        }
        out.appendCodePoint(code);
        return semi + 1;
    }

    private static int numeric(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return valid(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return valid(Integer.parseInt(name.substring(1)));
            }
        }
        catch (NumberFormatException ex) {
            return -1;
        }
        return -1;
    }

    private static int valid(int code) {
        return code > 0 && code <= Character.MAX_CODE_POINT && !Character.isISOControl(code)
                && (code < 0xD800 || code > 0xDFFF) ? code : -1;
    }

    private static String collapse(StringBuilder text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            }
            else {
                out.append(c);
                space = false;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }
}
