package be.biodiversity.portal.render.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * The filters of a search page (literature, publishers) as a visitor's URL gives them, made small and unique before
 * they reach a provider or a link: each value once ({@code country=BE} repeated 170 times is one value), blank
 * values dropped, at most {@value #MAX_VALUES} values per filter, none longer than {@value #MAX_LENGTH} characters,
 * a single-valued filter its first value only. Every link of the page is built from these, so a page never grows
 * with the number of times a value was repeated in its URL.
 */
public final class SearchFilters {

    /** The most values one filter keeps; more than any facet offers a visitor to combine. */
    public static final int MAX_VALUES = 10;

    /** The longest value kept (a query or a code); longer ones are dropped. */
    public static final int MAX_LENGTH = 200;

    private SearchFilters() {
    }

    /** The filters named in {@code names}, in that order, each with its unique values. */
    public static Map<String, List<String>> of(MultiValueMap<String, String> query, Collection<String> names,
            Set<String> single) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : names) {
            List<String> given = query.get(name);
            if (given == null) {
                continue;
            }
            Set<String> unique = new LinkedHashSet<>();
            for (String value : given) {
                String kept = value == null ? "" : value.strip();
                if (kept.isEmpty() || kept.length() > MAX_LENGTH) {
                    continue;
                }
                unique.add(kept);
                if (unique.size() == (single.contains(name) ? 1 : MAX_VALUES)) {
                    break;
                }
            }
            if (!unique.isEmpty()) {
                filters.put(name, new ArrayList<>(unique));
            }
        }
        return filters;
    }
}
