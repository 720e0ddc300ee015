package be.biodiversity.portal.content.literature;

import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.search.PrefixIndex;
import be.biodiversity.portal.search.TopPage;
import be.biodiversity.portal.search.ValueBits;

/**
 * The site's literature in memory for searching, on the portal's one search design (module {@code search-index}, as
 * directory-service's publishers and the site search): a prefix index of the records' folded words and, per facet
 * field, the records having each value. MongoDB stays the store; this answers which ids match, newest first, and the
 * facet counts. Kept current by this service's own writes ({@link LiteratureImport}) and, for every instance, by
 * {@link LiteratureFollower}.
 */
@Component
class LiteratureIndex {

    private static final int MAX_FACET_VALUES = 50;
    private static final Comparator<LiteratureEntry> NEWEST_FIRST = Comparator
            .comparing(LiteratureEntry::year, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(LiteratureEntry::title, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LiteratureEntry::key);

    private final Facets facets = new Facets();
    private final PrefixIndex<LiteratureEntry> index = new PrefixIndex<>(facets);
    private final ReactiveMongoTemplate mongo;

    LiteratureIndex(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    void put(LiteratureRecord record) {
        index.put(LiteratureEntry.of(record));
    }

    /** A record just inserted: it replaces whatever the index held for its id (an older record of the same id). */
    void putNew(LiteratureRecord record) {
        index.replace(record.id(), LiteratureEntry.of(record));
    }

    void remove(String id) {
        index.remove(id);
    }

    /**
     * Puts every stored record as stored (the store is the truth) and drops the ones no longer stored, never emptying the index meanwhile. Only entries
     * the index held before the reload began can be dropped: one written meanwhile stays.
     */
    Mono<Long> reload() {
        return Mono.defer(() -> {
            Set<String> before = index.keys();
            Set<String> stored = new HashSet<>();
            Query fields = new Query();
            fields.fields().include("title", "abstractText", "source", "authors", "year", "literatureType", "topics",
                    "countriesOfResearcher", "countriesOfCoverage", "openAccess", "peerReview", "version");
            return mongo.find(fields, LiteratureRecord.class)
                    .doOnNext(record -> {
                        stored.add(record.id());
                        putNew(record);
                    })
                    .count()
                    .doOnNext(count -> before.stream().filter(key -> !stored.contains(key)).forEach(index::remove));
        });
    }

    /** The ids of the page, newest first, the number of all matches and the facet counts among them. */
    Hits search(LiteratureQuery query) {
        return index.read(view -> {
            BitSet matches = view.matchingAll(query.words());
            facets.narrow(query, matches);
            List<LiteratureEntry> all = new java.util.ArrayList<>(matches.cardinality());
            for (int id = matches.nextSetBit(0); id >= 0; id = matches.nextSetBit(id + 1)) {
                all.add(view.entry(id));
            }
            List<String> ids = query.limit() == 0 ? List.of()
                    : TopPage.of(all, NEWEST_FIRST, query.offset(), query.limit()).stream()
                            .map(LiteratureEntry::key).toList();
            List<LiteratureResults.Facet> counted = LiteratureSearch.FACETS.stream()
                    .map(field -> new LiteratureResults.Facet(field, facets.of(field).counts(matches, MAX_FACET_VALUES)
                            .stream().map(c -> new LiteratureResults.Count(c.name(), c.count())).toList()))
                    .toList();
            return new Hits(ids, all.size(), counted);
        });
    }

    record Hits(List<String> ids, long count, List<LiteratureResults.Facet> facets) {
    }

    /** The records having each value of each facet field, kept by the index under its write lock. */
    private static final class Facets implements PrefixIndex.Listener<LiteratureEntry> {

        private final Map<String, ValueBits> fields = Map.of("literatureType", new ValueBits(), "topics",
                new ValueBits(), "year", new ValueBits(), "countriesOfResearcher", new ValueBits(),
                "countriesOfCoverage", new ValueBits(), "openAccess", new ValueBits(), "peerReview", new ValueBits());

        ValueBits of(String field) {
            return fields.get(field);
        }

        @Override
        public void added(int id, LiteratureEntry entry) {
            of("literatureType").set(id, entry.literatureType());
            entry.topics().forEach(value -> of("topics").set(id, value));
            of("year").set(id, entry.year() == null ? null : String.valueOf(entry.year()));
            entry.countriesOfResearcher().forEach(value -> of("countriesOfResearcher").set(id, value));
            entry.countriesOfCoverage().forEach(value -> of("countriesOfCoverage").set(id, value));
            of("openAccess").set(id, entry.openAccess() == null ? null : String.valueOf(entry.openAccess()));
            of("peerReview").set(id, entry.peerReview() == null ? null : String.valueOf(entry.peerReview()));
        }

        @Override
        public void cleared() {
            fields.values().forEach(ValueBits::clear);
        }

        /** Keeps the matches that pass every filter of the query: any of a field's values, all fields. */
        void narrow(LiteratureQuery query, BitSet matches) {
            and(matches, of("literatureType").anyOf(query.literatureType()));
            and(matches, of("topics").anyOf(query.topics()));
            and(matches, of("countriesOfResearcher").anyOf(query.countriesOfResearcher()));
            and(matches, of("countriesOfCoverage").anyOf(query.countriesOfCoverage()));
            if (query.openAccess() != null) {
                matches.and(of("openAccess").of(String.valueOf(query.openAccess())));
            }
            if (query.peerReview() != null) {
                matches.and(of("peerReview").of(String.valueOf(query.peerReview())));
            }
            if (query.yearFrom() != null || query.yearTo() != null) {
                matches.and(of("year").anyWhere(year -> (query.yearFrom() == null
                        || Integer.parseInt(year) >= query.yearFrom())
                        && (query.yearTo() == null || Integer.parseInt(year) <= query.yearTo())));
            }
        }

        private static void and(BitSet matches, BitSet filter) {
            if (filter != null) {
                matches.and(filter);
            }
        }
    }
}
