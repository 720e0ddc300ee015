package be.biodiversity.portal.system.jekyll;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A file's YAML front matter as Jekyll finds it: the file starts with {@code ---} on a line of its own and the block
 * ends at the next line holding only {@code ---} or {@code ...}. Without that, the file is not a page (Jekyll copies
 * it as a static file).
 *
 * @param values   the front matter (empty for an empty block or one that is not a mapping)
 * @param body     the text after the block
 * @param bodyLine the 1-based line of the file where the body starts
 */
record FrontMatter(Map<String, Object> values, String body, int bodyLine) {

    private static final Pattern BLOCK = Pattern.compile("\\A(---[ \\t]*\\r?\\n)(.*?\\r?\\n)??^(---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);

    static Optional<FrontMatter> of(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher m = BLOCK.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        String yaml = m.group(2) == null ? "" : m.group(2);
        int bodyLine = 1 + (int) t.substring(0, m.end()).chars().filter(c -> c == '\n').count();
        return Optional.of(new FrontMatter(parse(yaml), t.substring(m.end()), bodyLine));
    }

    /** YAML as Jekyll reads it: a key given twice keeps its last value. */
    static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        Map<String, Object> values = new LinkedHashMap<>();
        if (loaded instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        }
        return values;
    }
}
