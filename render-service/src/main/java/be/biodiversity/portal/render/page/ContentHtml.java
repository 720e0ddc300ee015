package be.biodiversity.portal.render.page;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?i)[\\s\"'/](href|action|formaction|cite|xlink:href|src|poster|background|data|srcset)\\s*=\\s*"
                    + "(\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

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

    /** A quick look at every URL attribute, entities decoded as a browser would: most bodies need no parsing. */
    private static boolean allAllowed(String html) {
        Matcher matcher = URL_ATTRIBUTE.matcher(html);
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            String raw = matcher.group(3) != null ? matcher.group(3)
                    : matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
            String value = Parser.unescapeEntities(raw, true);
            boolean allowed = LINKS.contains(name) ? SafeUrls.link(value) != null
                    : name.equals("srcset") ? srcset(value) : SafeUrls.image(value) != null;
            if (!allowed) {
                return false;
            }
        }
        return true;
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
