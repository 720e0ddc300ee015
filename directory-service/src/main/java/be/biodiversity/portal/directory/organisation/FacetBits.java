package be.biodiversity.portal.directory.organisation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.biodiversity.portal.directory.organisation.OrganisationQuery.FacetField;

/**
 * For each role, type, country and for endorsement, the entry numbers that have it, one bit per entry. Filters and
 * facet counts are then intersections and bit counts, whatever the number of organisations. Not thread-safe: used
 * under the lock of {@link SearchIndex}.
 */
final class FacetBits {

    private final Map<Role, BitSet> roles = new EnumMap<>(Role.class);
    private final Map<OrganisationType, BitSet> types = new EnumMap<>(OrganisationType.class);
    private final Map<String, BitSet> countries = new HashMap<>();
    private final BitSet endorsed = new BitSet();

    void add(int id, IndexEntry entry) {
        for (Role role : Role.values()) {
            if (entry.hasRole(role)) {
                roles.computeIfAbsent(role, r -> new BitSet()).set(id);
            }
        }
        types.computeIfAbsent(entry.type(), t -> new BitSet()).set(id);
        if (entry.country() != null) {
            countries.computeIfAbsent(entry.country(), c -> new BitSet()).set(id);
        }
        endorsed.set(id, entry.endorsed());
    }

    void clear() {
        roles.clear();
        types.clear();
        countries.clear();
        endorsed.clear();
    }

    /** Narrows the candidates to those with the query's endorsement, if it asks for one. */
    void applyEndorsed(OrganisationQuery query, BitSet candidates) {
        if (Boolean.TRUE.equals(query.endorsed())) {
            candidates.and(endorsed);
        }
        else if (Boolean.FALSE.equals(query.endorsed())) {
            candidates.andNot(endorsed);
        }
    }

    /** The candidates that pass the query's filter of every facet field except {@code except} (null: all). */
    BitSet passing(OrganisationQuery query, BitSet candidates, FacetField except) {
        BitSet passing = (BitSet) candidates.clone();
        for (FacetField field : FacetField.values()) {
            if (field != except) {
                BitSet filter = filter(query, field);
                if (filter != null) {
                    passing.and(filter);
                }
            }
        }
        return passing;
    }

    /** The counts of one field's values among the candidates that pass every other filter, most frequent first. */
    SearchHits.Facet facet(OrganisationQuery query, BitSet candidates, FacetField field) {
        BitSet base = passing(query, candidates, field);
        Map<String, BitSet> values = new HashMap<>();
        switch (field) {
            case ROLE -> roles.forEach((role, bits) -> values.put(role.name(), bits));
            case TYPE -> types.forEach((type, bits) -> values.put(type.name(), bits));
            case COUNTRY -> values.putAll(countries);
        }
        List<SearchHits.Count> counts = new ArrayList<>();
        values.forEach((name, bits) -> {
            BitSet both = (BitSet) base.clone();
            both.and(bits);
            if (!both.isEmpty()) {
                counts.add(new SearchHits.Count(name, both.cardinality()));
            }
        });
        counts.sort(Comparator.comparingLong(SearchHits.Count::count).reversed()
                .thenComparing(SearchHits.Count::name));
        return new SearchHits.Facet(field, List.copyOf(counts));
    }

    /** The entries the query's filter of this field lets through; null when the query has no such filter. */
    private BitSet filter(OrganisationQuery query, FacetField field) {
        return switch (field) {
            case ROLE -> query.role() == null ? null : roles.getOrDefault(query.role(), new BitSet());
            case TYPE -> query.type() == null ? null : types.getOrDefault(query.type(), new BitSet());
            case COUNTRY -> query.country() == null ? null : countries.getOrDefault(query.country(), new BitSet());
        };
    }
}
