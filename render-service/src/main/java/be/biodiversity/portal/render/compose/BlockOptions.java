package be.biodiversity.portal.render.compose;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a composition entry says about its block: its own keys ({@code title}, {@code limit}, {@code filters}),
 * else those of the site data it names ({@code data: node.team}), as the theme reads a block's content.
 *
 * @param entry the composition entry of the front matter
 * @param data  the site data it names, or null
 */
record BlockOptions(Map<String, Object> entry, JsonNode data) {

    static BlockOptions of(Map<String, Object> entry) {
        return new BlockOptions(entry, null);
    }

    BlockOptions withData(JsonNode found) {
        return new BlockOptions(entry, found);
    }

    /** {@code data: node.team}, or null. */
    String dataReference() {
        return scalar(entry.get("data"));
    }

    String text(String name) {
        String own = scalar(entry.get(name));
        return own != null ? own : text(data, name);
    }

    /** A whole number, else {@code otherwise} (also when it is not a number). */
    int number(String name, int otherwise) {
        String value = text(name);
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            return otherwise;
        }
    }

    /** One value of {@code filters:} (the first when a list is given), or null. */
    String filter(String name) {
        if (entry.get("filters") instanceof Map<?, ?> filters) {
            Object value = filters.get(name);
            if (value instanceof List<?> list) {
                value = list.isEmpty() ? null : list.get(0);
            }
            return scalar(value);
        }
        JsonNode filters = data == null ? null : data.get("filters");
        JsonNode value = filters == null ? null : filters.get(name);
        if (value != null && value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
        }
        return value == null || value.isNull() || !value.isValueNode() ? null : blankToNull(value.asString());
    }

    /** A filter naming an enum value of a provider: {@code federal institute}, {@code federal-institute} → FEDERAL_INSTITUTE. */
    String code(String name) {
        String value = filter(name);
        return value == null ? null : value.strip().replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
    }

    /** {@code true}/{@code false}, else null. */
    Boolean flag(String name) {
        String value = filter(name);
        return "true".equalsIgnoreCase(value) ? Boolean.TRUE : "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
    }

    private static String scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? blankToNull(String.valueOf(value)) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : blankToNull(value.asString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
