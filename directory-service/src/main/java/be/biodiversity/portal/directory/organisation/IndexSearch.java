package be.biodiversity.portal.directory.organisation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import be.biodiversity.portal.search.PrefixIndex;
import be.biodiversity.portal.search.TopPage;

/**
 * One search over the entries that match every query word and filter: scores them and picks the asked page in order,
 * without sorting all matches ({@link TopPage}).
 */
final class IndexSearch {

    private final PrefixIndex.View<IndexEntry> entries;
    private final OrganisationQuery query;

    IndexSearch(PrefixIndex.View<IndexEntry> entries, OrganisationQuery query) {
        this.entries = entries;
        this.query = query;
    }

    SearchHits run(BitSet matches, List<SearchHits.Facet> facets) {
        List<Hit> hits = new ArrayList<>(matches.cardinality());
        boolean scored = !query.words().isEmpty() && query.order() == OrganisationQuery.Order.RELEVANCE;
        for (int id = matches.nextSetBit(0); id >= 0; id = matches.nextSetBit(id + 1)) {
            IndexEntry entry = entries.entry(id);
            hits.add(new Hit(entry, scored ? Relevance.score(entry, query.words(), query.phrase()) : 0));
        }
        List<String> keys = TopPage.of(hits, order(), query.offset(), query.limit()).stream()
                .map(hit -> hit.entry().key()).toList();
        return new SearchHits(keys, hits.size(), facets);
    }

    private Comparator<Hit> order() {
        Comparator<Hit> byName = Comparator.comparing((Hit hit) -> hit.entry().sortName())
                .thenComparing(hit -> hit.entry().key());
        Comparator<Hit> byDatasets = Comparator.comparingInt((Hit hit) -> hit.entry().datasets()).reversed();
        return switch (query.order()) {
            case NAME -> byName;
            case DATASETS -> byDatasets.thenComparing(byName);
            case RELEVANCE -> query.words().isEmpty() ? byName
                    : Comparator.comparingInt(Hit::score).reversed().thenComparing(byDatasets).thenComparing(byName);
        };
    }

    private record Hit(IndexEntry entry, int score) {
    }
}
