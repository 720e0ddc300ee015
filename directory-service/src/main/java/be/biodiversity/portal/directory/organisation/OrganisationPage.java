package be.biodiversity.portal.directory.organisation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a search, in the shape of GBIF's API ({@code offset}, {@code limit}, {@code count},
 * {@code endOfRecords}, {@code results}), with the facet counts when some were asked for.
 */
record OrganisationPage(long offset, int limit, long count, boolean endOfRecords, List<OrganisationResponse> results,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SearchHits.Facet> facets) {

    static OrganisationPage of(OrganisationQuery query, SearchHits hits, List<OrganisationResponse> results) {
        return new OrganisationPage(query.offset(), query.limit(), hits.count(),
                query.offset() + results.size() >= hits.count(), List.copyOf(results), hits.facets());
    }
}
