package be.biodiversity.portal.content.page;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types of the front-matter keys the hosted-portal theme reads. A key the theme does not know may hold
 * any YAML value; a known one must have its type, or the theme would break on it.
 */
final class FrontMatterTypes {

    private static final Map<String, String> SCALARS = Map.ofEntries(
            Map.entry("height", "text"), Map.entry("preTitle", "text"), Map.entry("author", "text"),
            Map.entry("klass", "text"), Map.entry("noindex", "boolean"), Map.entry("published", "boolean"),
            Map.entry("sitemap", "boolean"), Map.entry("toc", "boolean"), Map.entry("excerpt", "text"));

    /** Lists of mappings, with the type of each known key of an item. */
    private static final Map<String, Map<String, String>> LISTS = Map.of(
            "cta", Map.of("text", "text", "href", "text", "isPrimary", "boolean"),
            "composition", Map.of("type", "text", "data", "text"),
            "directoryBlocks", Map.of("role", "text", "title", "text"));

    private FrontMatterTypes() {
    }

    /** The first key of the wrong type, as {@code field: message}. */
    static Optional<String[]> firstError(Map<String, Object> frontMatter) {
        for (var entry : frontMatter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            Optional<String> number = unstorableNumber("frontMatter." + key, value);
            if (number.isPresent()) {
                return Optional.of(error(number.get(), "is a number too large to store (whole numbers up to "
                        + Long.MAX_VALUE + ")"));
            }
            if (SCALARS.containsKey(key) && !is(SCALARS.get(key), value)) {
                return Optional.of(error("frontMatter." + key, "must be " + SCALARS.get(key)));
            }
            if (LISTS.containsKey(key)) {
                if (!(value instanceof List<?> list)) {
                    return Optional.of(error("frontMatter." + key, "must be a list"));
                }
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof Map<?, ?> item)) {
                        return Optional.of(error("frontMatter." + key + "[" + i + "]", "must be a mapping"));
                    }
                    for (var field : LISTS.get(key).entrySet()) {
                        Object v = item.get(field.getKey());
                        if (v != null && !is(field.getValue(), v)) {
                            return Optional.of(error("frontMatter." + key + "[" + i + "]." + field.getKey(),
                                    "must be " + field.getValue()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The path of the first whole number beyond a long (JSON and YAML read it as a BigInteger, which MongoDB cannot
     * store), at any depth; empty when there is none.
     */
    private static Optional<String> unstorableNumber(String path, Object value) {
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return Optional.of(path);
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> found = unstorableNumber(path + "[" + i + "]", list.get(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                Optional<String> found = unstorableNumber(path + "." + entry.getKey(), entry.getValue());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean is(String type, Object value) {
        return switch (type) {
            case "boolean" -> value instanceof Boolean;
            default -> value instanceof String || value instanceof Number;
        };
    }

    private static String[] error(String field, String message) {
        return new String[] { field, message };
    }
}
