package be.biodiversity.portal.render.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of literature search results with the facet counts of the same search. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiteratureResults(long offset, int limit, long count, List<Literature> results, List<Facet> facets) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(String field, List<Count> counts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(String name, long count) {
    }
}
