package be.biodiversity.portal.content.resolve;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's own {@code <style>} elements, kept in effect safely instead of dropped: taken out of the HTML before the
 * sanitizer, their CSS cleaned and every selector scoped to the page's content ({@code .page-styles}), then put
 * back in front of the sanitized HTML, which is wrapped in {@code <div class="page-styles">}.
 * <p>
 * Kept: rules and {@code @media}/{@code @supports} blocks. Removed (and reported): other at-rules
 * ({@code @import}, {@code @font-face}, {@code @charset}, ...), declarations with {@code url()} to another site,
 * {@code expression()}, {@code behavior}, {@code -moz-binding}, script URLs, backslash escapes or {@code <}, and
 * {@code position: fixed} (the page's content stays inside its own box). {@code html}, {@code body} and
 * {@code :root} mean the scope.
 */
final class PageStyles {

    static final String SCOPE = "page-styles";

    private static final Pattern STYLE = Pattern.compile("(?is)<style\\b[^<>]{0,500}>(.*?)</style\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?(\\*/|$)");
    private static final Pattern PROPERTY = Pattern.compile("-?[A-Za-z][A-Za-z0-9-]{0,60}");
    private static final Pattern URL = Pattern.compile("(?i)url\\(\\s*+['\"]?+([^'\")]*)");
    private static final Pattern AT_RULE = Pattern.compile("@[A-Za-z-]{1,40}");
    private static final int MAX_DEPTH = 4;

    private PageStyles() {
    }

    /** The markdown's HTML without its style elements, and their cleaned, scoped CSS; css empty when none. */
    static Extracted extract(String html) {
        if (!mayHoldStyle(html)) {
            return new Extracted(html, "", Set.of());
        }
        Matcher m = STYLE.matcher(html);
        if (!m.find()) {
            return new Extracted(html, "", Set.of());
        }
        StringBuilder rest = new StringBuilder(html.length());
        StringBuilder css = new StringBuilder();
        Set<String> removed = new LinkedHashSet<>();
        int from = 0;
        do {
            rest.append(html, from, m.start());
            css.append(clean(m.group(1), removed, 0));
            from = m.end();
        }
        while (m.find());
        rest.append(html, from, html.length());
        return new Extracted(rest.toString(), css.toString(), removed);
    }

    /**
     * Whether a {@code <style} (any case) is in the HTML: a clue that never says no where {@link #STYLE} finds one, and
     * costs a look at each {@code <} instead of a case-insensitive search at every character.
     */
    static boolean mayHoldStyle(String html) {
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            if (html.regionMatches(true, at + 1, "style", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    record Extracted(String html, String css, Set<String> removed) {

        /** The sanitized HTML with the page's CSS in effect on it. */
        String wrap(String sanitized) {
            return css.isBlank() ? sanitized
                    : "<style>\n" + css + "</style>\n<div class=\"" + SCOPE + "\">" + sanitized + "</div>";
        }
    }

    static String clean(String css, Set<String> removed, int depth) {
        String text = COMMENT.matcher(css).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                break;
            }
            int close = matching(text, open);
            String prelude = text.substring(i, open);
            int semicolon = prelude.lastIndexOf(';');
            if (semicolon >= 0) {
                statements(prelude.substring(0, semicolon), removed);
                prelude = prelude.substring(semicolon + 1);
            }
            prelude = prelude.strip();
            String block = text.substring(open + 1, close < 0 ? text.length() : close);
            i = close < 0 ? text.length() : close + 1;
            if (prelude.startsWith("@")) {
                String rule = prelude.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
                if ((rule.equals("@media") || rule.equals("@supports")) && depth < MAX_DEPTH && safe(prelude)) {
                    out.append(prelude).append(" {\n").append(clean(block, removed, depth + 1)).append("}\n");
                }
                else {
                    removed.add(rule + " rule");
                }
                continue;
            }
            String selectors = scope(prelude);
            String declarations = declarations(block, removed);
            if (selectors != null && !declarations.isEmpty()) {
                out.append(selectors).append(" { ").append(declarations).append("}\n");
            }
            else if (selectors == null) {
                removed.add("selector '" + abbreviate(prelude) + "'");
            }
        }
        if (i < text.length()) {
            statements(text.substring(i), removed);
        }
        return out.toString();
    }

    /** At-rules without a block ({@code @import url(...);}, {@code @charset}): all removed. */
    private static void statements(String text, Set<String> removed) {
        Matcher m = AT_RULE.matcher(text);
        while (m.find()) {
            removed.add(m.group().toLowerCase(Locale.ROOT) + " rule");
        }
    }

    /** The index of the brace closing the one at {@code open}, or -1. */
    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            }
            else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String scope(String prelude) {
        if (prelude.isEmpty() || !safe(prelude) || prelude.contains("@")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String selector : prelude.split(",")) {
            String s = selector.strip();
            if (s.isEmpty()) {
                return null;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            String scoped;
            if (lower.matches("(html|body|:root)(\\s+body)?")) {
                scoped = "." + SCOPE;
            }
            else if (lower.matches("(html|body|:root)[\\s>].*")) {
                scoped = "." + SCOPE + " " + s.replaceFirst("(?i)^(html\\s+body|html|body|:root)\\s*>?\\s*", "");
            }
            else {
                scoped = "." + SCOPE + " " + s;
            }
            out.append(out.isEmpty() ? "" : ", ").append(scoped);
        }
        return out.toString();
    }

    private static String declarations(String block, Set<String> removed) {
        StringBuilder out = new StringBuilder();
        for (String declaration : block.split(";")) {
            String d = declaration.strip();
            if (d.isEmpty()) {
                continue;
            }
            int colon = d.indexOf(':');
            String property = colon < 0 ? "" : d.substring(0, colon).strip();
            String value = colon < 0 ? "" : d.substring(colon + 1).strip();
            String why = refusal(property, value);
            if (why != null) {
                removed.add(why);
                continue;
            }
            out.append(property).append(": ").append(value).append("; ");
        }
        return out.toString();
    }

    /** Why this declaration is removed, or null to keep it. */
    static String refusal(String property, String value) {
        if (!PROPERTY.matcher(property).matches()) {
            return "declaration '" + abbreviate(property + ":" + value) + "'";
        }
        String p = property.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        if (!safe(value) || v.contains("expression") || v.contains("javascript:") || v.contains("vbscript:")
                || p.equals("behavior") || p.equals("-moz-binding") || v.contains("{") || v.contains("}")) {
            return "'" + p + "' with script or markup";
        }
        if (p.equals("position") && v.startsWith("fixed")) {
            return "'position: fixed'";
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            String target = url.group(1).strip().toLowerCase(Locale.ROOT);
            if (target.startsWith("//") || target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                return "url() to another site in '" + p + "'";
            }
        }
        return null;
    }

    private static boolean safe(String text) {
        return text.indexOf('<') < 0 && text.indexOf('\\') < 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
