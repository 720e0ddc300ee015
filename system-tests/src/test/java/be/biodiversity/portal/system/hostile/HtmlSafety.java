package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Markup in a page that no data of ours may produce: script-like elements, event-handler attributes and
 * {@code javascript:}-like URLs (after the browser's own decoding of character references and its trimming of
 * control characters), and any hostile payload that appears verbatim, that is unescaped.
 */
final class HtmlSafety {

    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "base");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "srcset", "data", "poster", "background");

    private HtmlSafety() {
    }

    static List<String> problems(String html, List<String> payloads) {
        List<String> problems = new ArrayList<>();
        for (Element element : Jsoup.parse(html).getAllElements()) {
            String tag = element.normalName();
            if (ACTIVE_ELEMENTS.contains(tag)) {
                problems.add("a <" + tag + "> element: " + shorten(element.outerHtml()));
            }
            if (tag.equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh")) {
                problems.add("a refresh: " + shorten(element.outerHtml()));
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    problems.add("an event handler " + name + "=\"" + shorten(attribute.getValue()) + "\" on <" + tag + ">");
                }
                if (URL_ATTRIBUTES.contains(name) && isScriptUrl(attribute.getValue())) {
                    problems.add("a script URL in " + name + "=\"" + shorten(attribute.getValue()) + "\" on <" + tag + ">");
                }
            }
        }
        for (String payload : payloads) {
            if (payload.matches("(?s).*[<>\"].*") && html.contains(payload)) {
                problems.add("the payload unescaped: " + shorten(payload));
            }
        }
        return problems;
    }

    static boolean isScriptUrl(String value) {
        String url = value.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:text/html");
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
