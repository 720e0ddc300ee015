package be.biodiversity.portal.render.gbif;

import java.util.List;

/** What every GBIF search answer has: how many match, the results of this page, the facets (none for GRSciColl). */
public interface SearchAnswer {

    long count();

    List<?> results();

    default List<GbifRecords.Facet> facets() {
        return List.of();
    }

    /** How many results this page holds. */
    default int size() {
        return results() == null ? 0 : results().size();
    }
}
