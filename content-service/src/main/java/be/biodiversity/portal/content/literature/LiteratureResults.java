package be.biodiversity.portal.content.literature;

import java.util.List;

/** A page of search results in GBIF's shape, with facet counts for the same query. */
record LiteratureResults(long offset, int limit, long count, boolean endOfRecords, List<LiteratureRecord> results,
        List<Facet> facets) {

    record Facet(String field, List<Count> counts) {
    }

    record Count(String name, long count) {
    }
}
