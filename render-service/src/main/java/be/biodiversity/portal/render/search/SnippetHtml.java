package be.biodiversity.portal.render.search;

/**
 * content-service sends each result's snippet as HTML: its text escaped, then the matched words in {@code <mark>}.
 * That is checked here before it is written unescaped: outside {@code <mark>} and {@code </mark>} (balanced, not
 * nested) there may be no {@code <} or {@code >}, and every {@code &} must start a plain entity. Anything else is
 * shown as text, escaped: a provider can never put markup into the page.
 */
final class SnippetHtml {

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private SnippetHtml() {
    }

    static String safe(String snippet) {
        if (snippet == null) {
            return "";
        }
        return isMarkedText(snippet) ? snippet : escape(snippet);
    }

    private static boolean isMarkedText(String html) {
        boolean open = false;
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                if (!open && html.startsWith(OPEN, i)) {
                    open = true;
                    i += OPEN.length();
                    continue;
                }
                if (open && html.startsWith(CLOSE, i)) {
                    open = false;
                    i += CLOSE.length();
                    continue;
                }
                return false;
            }
            if (c == '>') {
                return false;
            }
            if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi < 0 || semi - i > 10 || !entity(html.substring(i + 1, semi))) {
                    return false;
                }
                i = semi + 1;
                continue;
            }
            i++;
        }
        return !open;
    }

    private static boolean entity(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (name.charAt(0) == '#') {
            return name.length() > 1 && name.substring(1).chars().allMatch(Character::isDigit);
        }
        return name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z');
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
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
        return out.toString();
    }
}
