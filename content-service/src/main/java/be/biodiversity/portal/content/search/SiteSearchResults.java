package be.biodiversity.portal.content.search;

import java.time.Instant;
import java.util.List;

import be.biodiversity.portal.search.FacetCount;

/**
 * A page of site-search results in GBIF's paging shape. {@code snippet} is HTML: the text escaped, the matched words
 * in {@code <mark>}; {@code facets} counts the matches per {@code kind} (page, post) whatever kind was asked.
 */
record SiteSearchResults(long offset, int limit, long count, boolean endOfRecords, List<Hit> results,
        List<Facet> facets) {

    record Hit(String kind, String lang, String permalink, String title, String description, Instant date,
            String snippet) {
    }

    record Facet(String field, List<FacetCount> counts) {
    }
}
