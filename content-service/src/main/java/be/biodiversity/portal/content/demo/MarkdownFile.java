package be.biodiversity.portal.content.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A markdown file with YAML front matter between two {@code ---} lines, as Jekyll reads it. */
record MarkdownFile(Map<String, Object> frontMatter, String body) {

    static MarkdownFile parse(String name, String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            throw new IllegalArgumentException(name + ":1: no front matter (the file must start with ---)");
        }
        int end = normalised.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException(name + ": the front matter is not closed by a --- line");
        }
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(normalised.substring(4, end));
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ":2: the front matter is not a YAML mapping");
        }
        Map<String, Object> frontMatter = new LinkedHashMap<>();
        map.forEach((key, value) -> frontMatter.put(String.valueOf(key), value));
        return new MarkdownFile(frontMatter, normalised.substring(end + 5).strip() + "\n");
    }

    String text(String key) {
        Object value = frontMatter.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
