package be.biodiversity.portal.render.gbif;

import java.util.List;

/** Our view of the parts of GBIF answers that every search shares: facets and their counts. */
public final class GbifRecords {

    private GbifRecords() {
    }

    /** A facet of a search answer: GBIF names the field in upper snake case ({@code BASIS_OF_RECORD}). */
    public record Facet(String field, List<Count> counts) {

        /** {@code BASIS_OF_RECORD} is the facet of the filter {@code basisOfRecord}. */
        public boolean isOf(String filter) {
            return field != null && field.replace("_", "").equalsIgnoreCase(filter);
        }
    }

    public record Count(String name, long count) {
    }
}
