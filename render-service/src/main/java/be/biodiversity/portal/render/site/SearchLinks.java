package be.biodiversity.portal.render.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a search page: the same search with one filter changed, or another page of it.
 *
 * @param single the filters that take one value: choosing another replaces it
 */
public record SearchLinks(String path, Map<String, List<String>> filters, Set<String> single) {

    public boolean isSelected(String field, String value) {
        return filters.getOrDefault(field, List.of()).contains(value);
    }

    /** The search with this value added, or removed if it was chosen; back to the first page. */
    public String toggle(String field, String value) {
        Map<String, List<String>> next = copy();
        List<String> values = next.computeIfAbsent(field, f -> new ArrayList<>());
        if (values.contains(value)) {
            values.remove(value);
        }
        else {
            if (single.contains(field)) {
                values.clear();
            }
            values.add(value);
        }
        return href(next, 0);
    }

    public String page(long offset) {
        return href(filters, offset);
    }

    public String cleared() {
        Map<String, List<String>> onlyQuery = new LinkedHashMap<>();
        if (filters.containsKey("q")) {
            onlyQuery.put("q", filters.get("q"));
        }
        return href(onlyQuery, 0);
    }

    /** The same search on the page of another language. */
    public SearchLinks in(String otherPath) {
        return new SearchLinks(otherPath, filters, single);
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        filters.forEach((field, values) -> copy.put(field, new ArrayList<>(values)));
        return copy;
    }

    private String href(Map<String, List<String>> chosen, long offset) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        chosen.forEach((field, values) -> values.stream().filter(v -> !v.isBlank())
                .forEach(value -> uri.queryParam(field, value)));
        if (offset > 0) {
            uri.queryParam("offset", offset);
        }
        return uri.encode().build().toUriString();
    }
}
