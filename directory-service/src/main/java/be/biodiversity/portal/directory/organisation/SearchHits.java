package be.biodiversity.portal.directory.organisation;

import java.util.List;

/**
 * What the index answers to a query: the keys of the asked page in order, the number of all matches and the
 * facets asked for.
 */
record SearchHits(List<String> keys, long count, List<Facet> facets) {

    /** The counts of one field's values among the matches, most frequent first. */
    record Facet(OrganisationQuery.FacetField field, List<Count> counts) {
    }

    record Count(String name, long count) {
    }
}
