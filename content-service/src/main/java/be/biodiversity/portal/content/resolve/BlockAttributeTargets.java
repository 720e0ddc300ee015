package be.biodiversity.portal.content.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

import be.biodiversity.portal.markdown.KramdownBlocks.BlockAttributes;

/**
 * Puts kramdown's block attribute lists ({@link be.biodiversity.portal.markdown.KramdownBlocks}) on their blocks:
 * the outermost block that ends (or starts) on the list's line at or right of the list's indentation — the list,
 * not its last item, for {@code {: .box}} under a list; the table under a table.
 */
final class BlockAttributeTargets {

    private BlockAttributeTargets() {
    }

    static void apply(Node document, List<BlockAttributes> lists, Map<Node, Map<String, String>> attributes) {
        if (lists.isEmpty()) {
            return;
        }
        Map<Integer, List<Node>> starting = new HashMap<>();
        Map<Integer, List<Node>> ending = new HashMap<>();
        index(document, starting, ending);
        for (BlockAttributes list : lists) {
            Node target = find((list.after() ? ending : starting).getOrDefault(list.line(), List.of()), list.indent());
            if (target != null) {
                Map<String, String> parsed = KramdownAttributes.parse(list.list());
                Map<String, String> own = attributes.computeIfAbsent(target, n -> new LinkedHashMap<>());
                parsed.forEach((key, value) -> own.merge(key, value,
                        (a, b) -> key.equals("class") ? a + " " + b : b));
            }
        }
    }

    /** Every block by its first and its last line, outer blocks before the blocks inside them. */
    private static void index(Node document, Map<Integer, List<Node>> starting, Map<Integer, List<Node>> ending) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            List<SourceSpan> spans = node.getSourceSpans();
            if (!(node instanceof Document) && !spans.isEmpty()) {
                starting.computeIfAbsent(spans.get(0).getLineIndex(), l -> new ArrayList<>()).add(node);
                ending.computeIfAbsent(spans.get(spans.size() - 1).getLineIndex(), l -> new ArrayList<>()).add(node);
            }
            Deque<Node> children = new ArrayDeque<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Block) {
                    children.push(child);
                }
            }
            children.forEach(todo::push);
        }
    }

    private static Node find(List<Node> blocks, int indent) {
        for (Node block : blocks) {
            if (block.getSourceSpans().get(0).getColumnIndex() >= indent) {
                return block;
            }
        }
        return null;
    }
}
