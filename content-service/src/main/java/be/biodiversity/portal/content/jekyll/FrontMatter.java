package be.biodiversity.portal.content.jekyll;

import java.util.LinkedHashMap;
import java.util.Map;
import be.biodiversity.portal.content.yaml.Yaml;

/**
 * A file split the way Jekyll splits it: YAML between a first {@code ---} line and the next {@code ---} (or
 * {@code ...}) line, then the body. A file without that first line has no front matter: Jekyll copies it as a
 * static file and never renders it.
 *
 * @param values   the front matter; empty when {@code present} is false
 * @param bodyLine the file line the body starts on
 */
record FrontMatter(boolean present, Map<String, Object> values, String body, int bodyLine) {

    /** @throws Problem-worthy {@link Yaml.YamlException} or {@link IllegalArgumentException} with a line */
    static FrontMatter parse(String text) {
        return parse(text, warning -> {
        });
    }

    /** @param warnings told of duplicate keys, with their file lines */
    static FrontMatter parse(String text, java.util.function.Consumer<Yaml.Warning> warnings) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n") && !normalised.equals("---")) {
            return new FrontMatter(false, Map.of(), normalised, 1);
        }
        int end = closing(normalised);
        if (end < 0) {
            throw new Yaml.YamlException(1, "the front matter opened on line 1 is not closed by a --- line");
        }
        String yaml = normalised.substring(4, Math.max(4, end));
        int bodyStart = normalised.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : normalised.substring(bodyStart + 1);
        Object parsed = yaml.isBlank() ? Map.of() : Yaml.load(yaml, 2, warnings);
        if (parsed == null) {
            parsed = Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new Yaml.YamlException(2, "the front matter is not a YAML mapping of keys to values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        int bodyLine = bodyStart < 0 ? 1 : (int) normalised.substring(0, bodyStart + 1).chars().filter(c -> c == '\n').count() + 1;
        return new FrontMatter(true, values, body, bodyLine);
    }

    /** Index of the newline before the closing delimiter line, or -1. */
    private static int closing(String text) {
        int from = 3;
        while (true) {
            int newline = text.indexOf('\n', from);
            if (newline < 0) {
                return -1;
            }
            int lineEnd = text.indexOf('\n', newline + 1);
            String line = text.substring(newline + 1, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return newline;
            }
            from = newline + 1;
        }
    }

    String text(String key) {
        Object value = values.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
