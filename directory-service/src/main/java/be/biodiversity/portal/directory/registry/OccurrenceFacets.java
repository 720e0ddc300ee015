package be.biodiversity.portal.directory.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * GBIF's occurrence search with {@code limit=0&facet=publishingOrg}: no records, the number of occurrences per
 * publishing organisation ({@code facets[0].counts[].name} is the organisation's key).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OccurrenceFacets(Long count, List<Facet> facets) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Facet(String field, List<Count> counts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(String name, Long count) {
    }

    /** Occurrences by organisation key. */
    Map<String, Long> byOrganisation() {
        Map<String, Long> counts = new HashMap<>();
        if (facets != null) {
            facets.stream().filter(facet -> "PUBLISHING_ORG".equalsIgnoreCase(facet.field()) && facet.counts() != null)
                    .flatMap(facet -> facet.counts().stream())
                    .filter(count -> count.name() != null && count.count() != null)
                    .forEach(count -> counts.merge(count.name(), count.count(), Long::sum));
        }
        return counts;
    }
}
