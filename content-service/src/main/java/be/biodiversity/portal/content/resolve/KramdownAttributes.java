package be.biodiversity.portal.content.resolve;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Kramdown's inline attribute lists, which commonmark leaves as text: {@code ![logo](a.png){:height="60px"}} sets
 * attributes on the image (or link) just before it, and a paragraph's last line {@code {: .lead}} sets them on the
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
            Node target = previous instanceof Image || previous instanceof Link ? previous
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
