package be.biodiversity.portal.system.jekyll;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What a visitor reads on a page, checked for source that was not turned into a page: Liquid ({@code {{},
 * {@code {%}), kramdown attribute lists ({@code {:}), raw markdown (a link's {@code ](}, {@code **bold**}, a line
 * starting with {@code #}, a table row, a list item) and escaped HTML (a tag shown as text). The page's
 * {@code <title>} and the text of its body count, and Liquid in any attribute (an alt, a link, a meta description);
 * code, scripts and styles do not (a page may show code on purpose).
 */
public final class VisibleText {

    private static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "template", "code", "pre",
            "textarea", "svg", "kbd", "samp");
    private static final List<Check> CHECKS = List.of(
            new Check("Liquid", Pattern.compile("\\{\\{.{0,40}|\\{%.{0,40}")),
            new Check("kramdown attributes", Pattern.compile("\\{:.{0,40}")),
            new Check("markdown link", Pattern.compile(".{0,30}]\\(.{0,30}")),
            new Check("markdown emphasis", Pattern.compile("\\*\\*[^*\\s][^*\\n]{0,60}\\*\\*")),
            new Check("markdown heading", Pattern.compile("(?m)^[ \\t]*#{1,6}[ \\t]+\\S.{0,40}")),
            new Check("markdown table", Pattern.compile("(?m)^[ \\t]*\\|.{0,40}\\|[ \\t]*$")),
            new Check("markdown list", Pattern.compile("(?m)^[ \\t]*[*+-][ \\t]+\\S.{0,40}")),
            new Check("escaped HTML", Pattern.compile("</?(?:p|div|span|br|a|b|i|em|strong|ul|ol|li|h[1-6]|img|table|tr"
                    + "|td|th|iframe|section|small|sup|sub|hr|blockquote)(?:\\s[^>]{0,60})?/?>",
                    Pattern.CASE_INSENSITIVE)));

    /** Liquid or a kramdown attribute list in an attribute: an image's alt, a link's href, a meta description. */
    private static final Pattern ATTRIBUTE_LIQUID = Pattern.compile("\\{\\{.{0,40}|\\{%.{0,40}|\\{:.{0,40}");

    private record Check(String name, Pattern pattern) {
    }

    private VisibleText() {
    }

    /** Each finding once: what it looks like ("Liquid: {{ site.x }}"). */
    public static Set<String> leftovers(String html) {
        Document page = Jsoup.parse(html);
        List<String> texts = new ArrayList<>();
        texts.add(page.title());
        List<String> attributes = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof TextNode text && !insideNonText(text)) {
                    texts.add(text.getWholeText());
                }
                else if (node instanceof Element element && !NOT_TEXT.contains(element.normalName())) {
                    element.attributes().forEach(a -> attributes.add(a.getValue()));
                }
            }
        }, page);
        Set<String> found = new LinkedHashSet<>();
        for (String value : attributes) {
            Matcher m = ATTRIBUTE_LIQUID.matcher(value);
            if (m.find()) {
                found.add("Liquid in an attribute: " + m.group().strip());
            }
        }
        for (String text : texts) {
            for (Check check : CHECKS) {
                Matcher m = check.pattern().matcher(text);
                while (m.find()) {
                    found.add(check.name() + ": " + m.group().strip());
                }
            }
        }
        return found;
    }

    private static boolean insideNonText(TextNode text) {
        for (Element parent = text.parent(); parent != null; parent = parent.parent()) {
            if (NOT_TEXT.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** The text of the page's headings (h1 to h6), whitespace collapsed. */
    public static List<String> headings(String html) {
        return Jsoup.parse(html).select("h1, h2, h3, h4, h5, h6").stream().map(Element::text)
                .map(t -> t.replaceAll("\\s+", " ").strip()).toList();
    }

    public static int h1Count(String html) {
        return Jsoup.parse(html).select("h1").size();
    }

    public static String title(String html) {
        return Jsoup.parse(html).title().strip();
    }
}
