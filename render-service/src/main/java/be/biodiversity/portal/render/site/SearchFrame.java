package be.biodiversity.portal.render.site;

import java.util.List;

/**
 * What every search page shows around its results: the query, the chosen filters the form sends again, the range
 * shown, the links to the previous and next page and to the search without filters.
 *
 * @param keep the chosen filters other than {@code q}, as hidden fields of the search form
 * @param from the position of the first result shown (1-based), 0 when there is none
 */
public record SearchFrame(String q, List<Hidden> keep, boolean filtered, String clearHref, long count, long from,
        long to, String previousHref, String nextHref) {

    /** A chosen filter the search form sends again, so a new text query keeps it. */
    public record Hidden(String name, String value) {
    }

    /** One filter of the results with its values and their counts. */
    public record Facet(String field, List<FacetValue> values) {
    }

    /** A value of a filter: its label, how many results have it, the search with it toggled, and whether it is chosen. */
    public record FacetValue(String label, long count, String href, boolean selected) {
    }

    /** The frame of a page of results: {@code shown} results from {@code offset} of {@code total}. */
    public static SearchFrame of(SearchLinks links, long total, long offset, int shown, int pageSize) {
        long to = offset + shown;
        List<Hidden> keep = keep(links);
        return new SearchFrame(query(links), keep, !keep.isEmpty(), links.cleared(), total,
                shown == 0 ? 0 : offset + 1, to, offset > 0 ? links.page(Math.max(0, offset - pageSize)) : null,
                to < total ? links.page(to) : null);
    }

    /** The frame of a search that has no results to show (refused or unavailable): the form keeps what was asked. */
    public static SearchFrame withoutResults(SearchLinks links) {
        List<Hidden> keep = keep(links);
        return new SearchFrame(query(links), keep, !keep.isEmpty(), links.cleared(), 0, 0, 0, null, null);
    }

    /** The offset a visitor asked for: a number from 0, anything else is the first page. */
    public static long offset(String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String query(SearchLinks links) {
        return links.filters().getOrDefault("q", List.of()).stream().findFirst().orElse("");
    }

    private static List<Hidden> keep(SearchLinks links) {
        return links.filters().entrySet().stream().filter(e -> !e.getKey().equals("q"))
                .flatMap(e -> e.getValue().stream().map(v -> new Hidden(e.getKey(), v))).toList();
    }
}
