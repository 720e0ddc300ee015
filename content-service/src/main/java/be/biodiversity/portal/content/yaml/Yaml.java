package be.biodiversity.portal.content.yaml;

import java.io.StringReader;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Safe YAML (no custom types, bounded aliases, size and expanded size) with errors that give the line in the file.
 * Anchors and aliases let a few hundred bytes stand for gigabytes once expanded (each level doubling the last);
 * the expanded size is counted on the parsed node graph, each shared node once, stopping as soon as it passes
 * {@link #maxExpandedSize()}, before any of it is built. A key given twice keeps its last value, as Jekyll's
 * parser does, and is reported as a warning.
 */
public final class Yaml {

    /** Default {@code portal.content.yaml.max-expanded-size}: characters of scalars plus one per node, expanded. */
    static final long DEFAULT_MAX_EXPANDED_SIZE = 2_000_000;

    private static volatile long maxExpandedSize = DEFAULT_MAX_EXPANDED_SIZE;

    /**
     * YAML 1.1's implicit types (int, float, bool, null, timestamp), shared: it is only read once built, and building
     * one for each front matter (as SnakeYAML's {@code Yaml} does) was a tenth of parsing a page.
     */
    private static final Resolver RESOLVER = new Resolver();

    private Yaml() {
    }

    /** A key given twice, or another problem the file has that does not stop it from being read. */
    public record Warning(int line, String message) {
    }

    static void maxExpandedSize(long max) {
        maxExpandedSize = max;
    }

    static long maxExpandedSize() {
        return maxExpandedSize;
    }

    public static Object load(String text, int firstLine) {
        return load(text, firstLine, warning -> {
        });
    }

    /**
     * @param firstLine the file line the text starts on (2 for front matter after the opening {@code ---})
     * @param warnings  told of every duplicate key, with its file line
     * @throws YamlException with the file line of the problem
     */
    public static Object load(String text, int firstLine, Consumer<Warning> warnings) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(5_000_000);
        try {
            Node root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), RESOLVER,
                    options).getSingleNode();
            if (root == null) {
                return null;
            }
            new Walk(firstLine, maxExpandedSize, warnings).size(root);
            // built from the tree just checked: the text is parsed once
            return normalise(new FromNode(options).construct(root));
        }
        catch (MarkedYAMLException ex) {
            Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            String problem = ex.getProblem() == null ? ex.getMessage() : ex.getProblem();
            String context = ex.getContext() == null ? "" : " (" + ex.getContext() + ")";
            throw new YamlException(line, "malformed YAML: " + problem + context);
        }
        catch (YAMLException ex) {
            throw new YamlException(firstLine, "malformed YAML: " + ex.getMessage());
        }
    }

    /** The expanded size of a node graph, each node's size computed once; duplicate keys reported on the way. */
    private static final class Walk {

        private final int firstLine;
        private final long max;
        private final Consumer<Warning> warnings;
        private final Map<Node, Long> sizes = new IdentityHashMap<>();
        private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(int firstLine, long max, Consumer<Warning> warnings) {
            this.firstLine = firstLine;
            this.max = max;
            this.warnings = warnings;
        }

        long size(Node node) {
            Long known = sizes.get(node);
            if (known != null) {
                return known;
            }
            if (!open.add(node)) {
                throw limit(node, "an alias refers to a node that holds it (a recursive structure)");
            }
            long size = 1;
            if (node instanceof ScalarNode scalar) {
                size += scalar.getValue().length();
            }
            else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    size = add(item, size, size(item));
                }
            }
            else if (node instanceof MappingNode mapping) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && !"<<".equals(key.getValue())
                            && !keys.add(key.getValue())) {
                        warnings.accept(new Warning(line(key), "the key '" + key.getValue()
                                + "' is given twice in one mapping; the last value counts, as in Jekyll"));
                    }
                    size = add(tuple.getKeyNode(), size, size(tuple.getKeyNode()));
                    size = add(tuple.getKeyNode(), size, size(tuple.getValueNode()));
                }
            }
            open.remove(node);
            sizes.put(node, size);
            return size;
        }

        /** @param at where the size grows: the line reported when it grows past the limit */
        private long add(Node at, long size, long more) {
            long sum = size + more;
            if (sum > max) {
                throw limit(at, "expands to more than " + max + " characters through its anchors and aliases "
                        + "(portal.content.yaml.max-expanded-size)");
            }
            return sum;
        }

        private YamlException limit(Node node, String message) {
            return new YamlException(line(node), message, true);
        }

        private int line(Node node) {
            return node.getStartMark() == null ? firstLine : firstLine + node.getStartMark().getLine();
        }
    }

    /** Map keys as strings, as Jekyll sees them once it hands them to Liquid. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Yaml::normalise).toList();
        }
        return value;
    }

    public static class YamlException extends RuntimeException {

        private final int line;
        private final boolean limit;

        public YamlException(int line, String message) {
            this(line, message, false);
        }

        YamlException(int line, String message, boolean limit) {
            super(message);
            this.line = line;
            this.limit = limit;
        }

        public int line() {
            return line;
        }

        /** True when the YAML is well-formed but goes over a limit (its expanded size). */
        public boolean limit() {
            return limit;
        }
    }

    /** SnakeYAML's safe constructor, given a composed tree instead of a text. */
    private static final class FromNode extends SafeConstructor {

        FromNode(LoaderOptions options) {
            super(options);
        }

        Object construct(Node root) {
            return constructDocument(root);
        }
    }
}
