package be.biodiversity.portal.directory.organisation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One search over the entries that match every query word and filter: scores them and picks the asked page in order,
 * without sorting all matches.
 */
final class IndexSearch {

    private final List<IndexEntry> entries;
    private final OrganisationQuery query;

    IndexSearch(List<IndexEntry> entries, OrganisationQuery query) {
        this.entries = entries;
        this.query = query;
    }

    SearchHits run(BitSet matches, List<SearchHits.Facet> facets) {
        List<Hit> hits = new ArrayList<>(matches.cardinality());
        boolean scored = !query.words().isEmpty() && query.order() == OrganisationQuery.Order.RELEVANCE;
        for (int id = matches.nextSetBit(0); id >= 0; id = matches.nextSetBit(id + 1)) {
            IndexEntry entry = entries.get(id);
            hits.add(new Hit(entry, scored ? Relevance.score(entry, query.words(), query.phrase()) : 0));
        }
        return new SearchHits(page(hits), hits.size(), facets);
    }

    /** The keys of the page: the first offset + limit matches in order, found without sorting all of them. */
    private List<String> page(List<Hit> matches) {
        int wanted = (int) Math.min((long) query.offset() + query.limit(), matches.size());
        if (query.offset() >= wanted) {
            return List.of();
        }
        Comparator<Hit> order = order();
        PriorityQueue<Hit> best = new PriorityQueue<>(wanted + 1, order.reversed());
        for (Hit hit : matches) {
            if (best.size() < wanted) {
                best.add(hit);
            }
            else if (order.compare(hit, best.peek()) < 0) {
                best.poll();
                best.add(hit);
            }
        }
        List<Hit> sorted = new ArrayList<>(best);
        sorted.sort(order);
        return sorted.subList(query.offset(), wanted).stream().map(hit -> hit.entry().key()).toList();
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
