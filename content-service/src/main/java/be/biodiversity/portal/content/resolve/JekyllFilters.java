package be.biodiversity.portal.content.resolve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * Jekyll's own Liquid filters that liqp's Jekyll flavour lacks and sites' includes use: {@code markdownify} (the
 * theme's figure and feature includes caption with it), {@code jsonify}, {@code slugify}, {@code xml_escape},
 * {@code cgi_escape}, {@code uri_escape}, {@code number_of_words} and {@code array_to_sentence_string}, and the
 * hosted-portal theme's {@code liquify} (Liquid inside a string, e.g. a data file's
 * {@code "{{ site.data.images.x.src }}"}), which counts as an include level. Without them a call is a Liquid error
 * and the include renders empty.
 */
final class JekyllFilters {

    private JekyllFilters() {
    }

    static List<Filter> all() {
        Markdown markdown = new Markdown();
        return List.of(
                filter("markdownify", (value, params) -> value == null ? "" : markdown.render(text(value)).html()),
                filter("jsonify", (value, params) -> json(value)),
                new Liquify(),
                filter("slugify", (value, params) -> slugify(text(value), params.length > 0 ? text(params[0]) : "default")),
                filter("xml_escape", (value, params) -> text(value).replace("&", "&amp;").replace("<", "&lt;")
                        .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;")),
                filter("cgi_escape", (value, params) -> URLEncoder.encode(text(value), StandardCharsets.UTF_8)),
                filter("uri_escape", (value, params) -> uriEscape(text(value))),
                filter("number_of_words", (value, params) -> {
                    String t = text(value).strip();
                    return t.isEmpty() ? 0 : t.split("\\s+").length;
                }),
                filter("array_to_sentence_string", (value, params) -> sentence(value,
                        params.length > 0 ? text(params[0]) : "and")));
    }

    private interface Body {
        Object apply(Object value, Object... params);
    }

    private static Filter filter(String name, Body body) {
        return new Filter(name) {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return body.apply(value, params);
            }
        };
    }

    /** The theme's {@code liquify}: the string's own Liquid rendered in the page's context. */
    private static final class Liquify extends Filter {

        Liquify() {
            super("liquify");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            String text = text(value);
            if (!Liquid.hasLiquid(text)) {
                return value;
            }
            RenderBudget budget = RenderBudget.current();
            budget.enterInclude("liquify");
            try {
                return context.getParser().parse(text).renderToObjectUnguarded(new java.util.HashMap<>(), context, true);
            }
            finally {
                budget.leaveInclude();
            }
        }
    }

    /** JSON as Jekyll's {@code jsonify} writes it (no spaces), for maps, lists, strings, numbers and booleans. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        }
        else if (value instanceof java.util.Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                writeJson(String.valueOf(entry.getKey()), out);
                out.append(':');
                writeJson(entry.getValue(), out);
                first = false;
            }
            out.append('}');
        }
        else if (value instanceof Collection<?> || value instanceof Object[]) {
            out.append('[');
            boolean first = true;
            for (Object item : value instanceof Collection<?> c ? c : java.util.Arrays.asList((Object[]) value)) {
                out.append(first ? "" : ",");
                writeJson(item, out);
                first = false;
            }
            out.append(']');
        }
        else {
            out.append('"');
            for (char c : String.valueOf(value).toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        }
                        else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Jekyll's {@code slugify}: {@code default} keeps letters and digits, {@code pretty} a few marks more. */
    static String slugify(String text, String mode) {
        String regex = switch (mode) {
            case "raw" -> "\\s+";
            case "pretty" -> "[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+";
            case "ascii", "latin" -> "[^A-Za-z0-9]+";
            case "none" -> null;
            default -> "[^\\p{M}\\p{L}\\p{Nd}]+";
        };
        if (regex == null) {
            return text;
        }
        String source = mode.equals("latin") ? java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "") : text;
        return source.replaceAll(regex, "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
    }

    /** Ruby's {@code URI::DEFAULT_PARSER.escape}: characters outside URI syntax percent-encoded, reserved ones kept. */
    private static String uriEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-_.!~*'();/?:@&=+$,[]#".indexOf(c) >= 0)) {
                out.append(c);
            }
            else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String sentence(Object value, String connector) {
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> items.add(text(item)));
        }
        else if (value instanceof Object[] array) {
            for (Object item : array) {
                items.add(text(item));
            }
        }
        else if (value != null) {
            items.add(text(value));
        }
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> items.get(0);
            case 2 -> items.get(0) + " " + connector + " " + items.get(1);
            default -> String.join(", ", items.subList(0, items.size() - 1)) + ", " + connector + " "
                    + items.get(items.size() - 1);
        };
    }
}
