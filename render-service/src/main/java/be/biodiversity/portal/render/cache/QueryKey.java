package be.biodiversity.portal.render.cache;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A query string as one key, however a visitor spelled it: names and values decoded, values stripped, blank values
 * dropped, each value once, names and values in order, encoded again. {@code ?b=2&a=1&a=1&c=} and {@code ?a=%31&b=2}
 * are both {@code ?a=1&b=2}. The page cache looks a request up by it; a page that may be kept says by the same
 * function which query it was made from, so that a request whose query says more than the page used (an unknown
 * parameter, a value the page dropped) is never kept.
 */
public final class QueryKey {

    /** The key of an empty query. */
    public static final String NONE = "?";

    private QueryKey() {
    }

    public static String of(Map<String, ? extends Collection<String>> query) {
        if (query.isEmpty()) {
            return NONE;
        }
        Map<String, TreeSet<String>> sorted = new TreeMap<>();
        query.forEach((name, values) -> {
            for (String value : values) {
                String kept = value == null ? "" : value.strip();
                if (!kept.isEmpty()) {
                    sorted.computeIfAbsent(name, n -> new TreeSet<>()).add(kept);
                }
            }
        });
        StringJoiner key = new StringJoiner("&", NONE, "");
        sorted.forEach((name, values) -> values.forEach(value -> key.add(encode(name) + "=" + encode(value))));
        return key.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
