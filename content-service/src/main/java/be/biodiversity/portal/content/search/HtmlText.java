package be.biodiversity.portal.content.search;

import java.util.Set;

/**
 * The text a visitor reads in a resolved page's HTML (already sanitized by content-service): tags dropped, block
 * boundaries as spaces, entities decoded, runs of white space collapsed. Linear, no regular expressions: one pass
 * over the characters as an array into an array (each import's checks turn every page into text here; through
 * {@code String.charAt} and a second pass to collapse the spaces it was a tenth of their time).
 */
final class HtmlText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "template");

    private HtmlText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        char[] in = html.toCharArray();
        Out out = new Out(in.length);
        int i = 0;
        while (i < in.length) {
            char c = in[i];
            if (c == '<') {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break;
                }
                boolean closing = i + 1 < close && in[i + 1] == '/';
                String name = tagName(html, i + 1, close);
                out.space();
                i = close + 1;
                if (!closing && SKIPPED.contains(name)) {
                    int end = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + name, i);
                    i = end < 0 ? in.length : end;
                }
            }
            else if (c == '&') {
                i = entity(html, i, out);
            }
            else {
                if (c == ' ' || Character.isWhitespace(c)) {
                    out.space();
                }
                else {
                    out.add(c);
                }
                i++;
            }
        }
        return out.text();
    }

    /** The text as it is written: a space only after a character that is not one, none at the start or the end. */
    private static final class Out {

        private char[] chars;
        private int length;
        private boolean space = true;

        Out(int capacity) {
            chars = new char[capacity];
        }

        void space() {
            if (!space) {
                put(' ');
                space = true;
            }
        }

        void add(char c) {
            if (c == ' ') {
                space();
            }
            else {
                put(c);
                space = false;
            }
        }

        private void put(char c) {
            if (length == chars.length) {
                chars = java.util.Arrays.copyOf(chars, chars.length * 2 + 2);
            }
            chars[length++] = c;
        }

        void addCodePoint(int code) {
            if (Character.isBmpCodePoint(code)) {
                add((char) code);
            }
            else {
                add(Character.highSurrogate(code));
                add(Character.lowSurrogate(code));
            }
        }

        String text() {
            int end = length;
            while (end > 0 && chars[end - 1] == ' ') {
                end--;
            }
            return new String(chars, 0, end);
        }
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
    private static int entity(String html, int at, Out out) {
        int semi = html.indexOf(';', at);
        if (semi < 0 || semi - at > 10) {
            out.add('&');
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
            out.add('&');
            return at + 1;
        }
        out.addCodePoint(code);
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
}
