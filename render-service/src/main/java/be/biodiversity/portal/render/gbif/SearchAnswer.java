package be.biodiversity.portal.render.gbif;

import java.util.List;

/** What every GBIF search answer has: how many match, how many this page holds, the facets. */
public interface SearchAnswer {

    long count();

    int size();

    List<GbifRecords.Facet> facetList();
}
