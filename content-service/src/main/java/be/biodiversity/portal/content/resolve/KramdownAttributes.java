package be.biodiversity.portal.content.resolve;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Kramdown's inline attribute lists, which commonmark leaves as text: {@code ![logo](a.png){:height="60px"}} sets
 * attributes on the image (or link, emphasis, code span) just before it, also in a table cell, and a paragraph's last line {@code {: .lead}} sets them on the
 * paragraph. The list text is removed; the attributes are collected per node for the HTML renderer.
 */
final class KramdownAttributes extends AbstractVisitor {

    private static final Pattern LIST = Pattern.compile("^\\{:\\s*([^}]*)}");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z][\\w-]*)=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))|([.#])([\\w-]+)");

    final Map<Node, Map<String, String>> attributes = new IdentityHashMap<>();

    @Override
    public void visit(Text text) {
        Matcher m = LIST.matcher(text.getLiteral());
        Node previous = text.getPrevious();
        if (m.find()) {
            Node target = previous instanceof Image || previous instanceof Link || previous instanceof Emphasis
                    || previous instanceof StrongEmphasis || previous instanceof Code ? previous
                    : previous instanceof SoftLineBreak && text.getParent() instanceof Paragraph
                            && text.getNext() == null ? text.getParent() : null;
            if (target != null) {
                attributes.computeIfAbsent(target, n -> new LinkedHashMap<>()).putAll(parse(m.group(1)));
                String rest = text.getLiteral().substring(m.end());
                if (target == text.getParent()) {
                    previous.unlink();
                }
                if (rest.isEmpty()) {
                    text.unlink();
                }
                else {
                    text.setLiteral(rest);
                }
            }
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z][\\w-]{0,200}");

    /** Kramdown's {@code ## Title {#own-id}}: the id, taken out of the heading's text; null when there is none. */
    static String takeHeaderId(Heading heading) {
        if (!(heading.getLastChild() instanceof Text last)) {
            return null;
        }
        String text = last.getLiteral().stripTrailing();
        int open = text.lastIndexOf("{#");
        if (open < 0 || !text.endsWith("}") || !ID.matcher(text.substring(open + 2, text.length() - 1)).matches()) {
            return null;
        }
        last.setLiteral(text.substring(0, open).stripTrailing());
        return text.substring(open + 2, text.length() - 1);
    }

    static Map<String, String> parse(String list) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(list);
        while (m.find()) {
            if (m.group(5) != null) {
                String key = m.group(5).equals(".") ? "class" : "id";
                result.merge(key, m.group(6), (a, b) -> key.equals("class") ? a + " " + b : b);
            }
            else {
                String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                result.put(m.group(1).toLowerCase(), value);
            }
        }
        return result;
    }
}
