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

    /**
     * Links and sources that leave the site for {@code host} or carry their content inline ({@code data:}), read as a
     * browser reads them: surrounding spaces and control characters trimmed, tabs and line breaks anywhere dropped,
     * backslashes taken for slashes, so {@code /<TAB>/host} and {@code /\host} are {@code //host}.
     */
    static List<String> offSiteLinks(String html, String host) {
        List<String> problems = new ArrayList<>();
        for (Element element : Jsoup.parse(html).getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (!URL_ATTRIBUTES.contains(name)) {
                    continue;
                }
                List<String> values = name.equals("srcset")
                        ? List.of(attribute.getValue().split(",")) : List.of(attribute.getValue());
                for (String value : values) {
                    String url = asBrowserReads(name.equals("srcset") ? value.strip().split("\\s+")[0] : value);
                    if (url.toLowerCase(Locale.ROOT).startsWith("data:")) {
                        problems.add("a data: URL in " + name + "=\"" + shorten(attribute.getValue()) + "\" on <"
                                + element.normalName() + ">");
                    }
                    else if (host.equalsIgnoreCase(hostOf(url))) {
                        problems.add("a link to " + host + " in " + name + "=\"" + shorten(attribute.getValue()) + "\" on <"
                                + element.normalName() + ">");
                    }
                }
            }
        }
        return problems;
    }

    static String asBrowserReads(String value) {
        return value.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
    }

    /** The host a link leads to, or "" for a link on this site (a path, a query, a fragment). */
    static String hostOf(String url) {
        String rest = url;
        java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):").matcher(url);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                return "";
            }
            rest = url.substring(scheme.end());
            if (!rest.startsWith("/")) {
                return "";
            }
            rest = "//" + rest.replaceFirst("^/+", "");
        }
        if (!rest.startsWith("//")) {
            return "";
        }
        String authority = rest.substring(2).split("[/?#]", 2)[0];
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        return authority.replaceFirst(":\\d*$", "").replaceFirst("\\.$", "").toLowerCase(Locale.ROOT);
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
