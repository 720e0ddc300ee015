package be.biodiversity.portal.render.page;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import be.biodiversity.portal.render.site.SafeUrls;

/**
 * content-service's resolved body HTML, held to the same URL policy as everything else ({@link SafeUrls}): it has
 * been through content-service's sanitizer, but that one lets relative references such as {@code /\evil.example}
 * through. A link the policy refuses becomes its content, an image its alt text; any other URL attribute the
 * policy refuses is removed. HTML with nothing to refuse is passed on exactly as it came.
 */
final class ContentHtml {

    private static final Set<String> LINKS = Set.of("href", "action", "formaction", "cite", "xlink:href");
    private static final Set<String> SOURCES = Set.of("src", "poster", "background", "data", "srcset");
    /** {@code formaction}, {@code background}, {@code xlink:href}: no URL attribute's name is longer. */
    private static final int LONGEST_NAME = 10;

    private ContentHtml() {
    }

    static String safe(String html) {
        if (html == null || html.isEmpty() || allAllowed(html)) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        boolean changed = false;
        for (Element element : document.body().getAllElements()) {
            for (var attribute : List.copyOf(element.attributes().asList())) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                boolean link = LINKS.contains(name);
                if (!link && !SOURCES.contains(name)) {
                    continue;
                }
                String value = attribute.getValue();
                boolean allowed = link ? SafeUrls.link(value) != null
                        : name.equals("srcset") ? srcset(value) : SafeUrls.image(value) != null;
                if (!allowed) {
                    refuse(element, attribute.getKey());
                    changed = true;
                }
            }
        }
        if (!changed) {
            return html;
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    /**
     * A quick look at every URL attribute, entities decoded as a browser would: most bodies need no parsing. One pass
     * over the {@code =} signs (a regular expression tried at every position was 5 % of render-service's CPU per
     * page): before each, after any white space, a name of ASCII letters and colons that follows white space, a quote
     * or {@code /}; after it a quoted or unquoted value. It also looks at a name-like {@code x=} inside a URL
     * attribute's value; finding one refused there only sends the body through the parser, which decides.
     */
    static boolean allAllowed(String html) {
        int length = html.length();
        for (int equals = html.indexOf('='); equals >= 0; equals = html.indexOf('=', equals + 1)) {
            int end = equals;
            while (end > 0 && isSpace(html.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && isNameChar(html.charAt(start - 1))) {
                start--;
            }
            if (start == end || start == 0 || !opensName(html.charAt(start - 1)) || end - start > LONGEST_NAME) {
                continue;
            }
            String name = html.substring(start, end).toLowerCase(Locale.ROOT);
            boolean link = LINKS.contains(name);
            if (!link && !SOURCES.contains(name)) {
                continue;
            }
            int from = equals + 1;
            while (from < length && isSpace(html.charAt(from))) {
                from++;
            }
            String raw = value(html, from);
            if (raw == null) {
                continue;
            }
            String value = Parser.unescapeEntities(raw, true);
            boolean allowed = link ? SafeUrls.link(value) != null
                    : name.equals("srcset") ? srcset(value) : SafeUrls.image(value) != null;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The attribute value that starts at {@code from}: quoted (closed), or unquoted and not empty; else null. */
    private static String value(String html, int from) {
        if (from >= html.length()) {
            return null;
        }
        char first = html.charAt(from);
        if (first == '"' || first == '\'') {
            int close = html.indexOf(first, from + 1);
            return close < 0 ? null : html.substring(from + 1, close);
        }
        int end = from;
        while (end < html.length() && !isSpace(html.charAt(end)) && "\"'>".indexOf(html.charAt(end)) < 0) {
            end++;
        }
        return end == from ? null : html.substring(from, end);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ':';
    }

    private static boolean opensName(char c) {
        return isSpace(c) || c == '"' || c == '\'' || c == '/';
    }

    /** Java's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean srcset(String value) {
        for (String candidate : value.split(",")) {
            String url = candidate.strip().split("\\s+", 2)[0];
            if (!url.isEmpty() && SafeUrls.image(url) == null) {
                return false;
            }
        }
        return true;
    }

    private static void refuse(Element element, String attribute) {
        if (element.parent() == null) {
            return;
        }
        if (element.normalName().equals("a") && attribute.equalsIgnoreCase("href")) {
            element.unwrap();
        }
        else if (element.normalName().equals("img") && attribute.equalsIgnoreCase("src")) {
            element.replaceWith(new TextNode(element.attr("alt")));
        }
        else {
            element.removeAttr(attribute);
        }
    }
}
