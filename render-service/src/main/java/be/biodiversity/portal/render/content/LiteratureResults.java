package be.biodiversity.portal.render.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of literature search results with the facet counts of the same search; only what we read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiteratureResults(Long count, List<Literature> results, List<Facet> facets) {

    public long total() {
        return count == null ? items().size() : count;
    }

    public List<Literature> items() {
        return results == null ? List.of() : results;
    }

    public List<Facet> facetList() {
        return facets == null ? List.of() : facets;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(String field, List<Count> counts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(String name, long count) {
    }
}
