package be.biodiversity.portal.directory.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The organisations held in memory for searching: every word of their names, acronyms and cities, mapped to the
 * organisations that have it, in a sorted map, so the organisations with a word beginning with a prefix are one
 * range of it. MongoDB stays the store; this index answers which keys match, in which order, with which facet counts.
 * The embedded MongoDB has no text search and uses no index for a regular expression, hence this.
 *
 * <p>Each change replaces the entry under a new number and marks the old one dead; dead numbers are dropped from
 * the word lists when they outnumber the live ones. Locks are held for in-memory work only (microseconds to a few
 * milliseconds), never around I/O, so taking them on an event-loop thread is acceptable.
 */
@Component
public class SearchIndex {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<IndexEntry> entries = new ArrayList<>();
    private final BitSet live = new BitSet();
    private final Map<String, Integer> idsByKey = new HashMap<>();
    private final Map<String, String> keysBySlug = new HashMap<>();
    private final TreeMap<String, IntList> postings = new TreeMap<>();
    private final FacetBits facetBits = new FacetBits();

    /** Adds or replaces the entry of an organisation, unless the index already has a later version of it. */
    void put(IndexEntry entry) {
        write(() -> {
            Integer old = idsByKey.get(entry.key());
            if (old != null && entries.get(old).version() > entry.version()) {
                return null;
            }
            removeId(old);
            add(entry);
            compactIfWasteful();
            return null;
        });
    }

    /** Puts what MongoDB holds now for the key ({@code null}: nothing), whatever version the index had. */
    void replace(String key, IndexEntry current) {
        write(() -> {
            removeId(idsByKey.get(key));
            if (current != null) {
                add(current);
            }
            compactIfWasteful();
            return null;
        });
    }

    void remove(String key) {
        write(() -> {
            removeId(idsByKey.get(key));
            compactIfWasteful();
            return null;
        });
    }

    void clear() {
        write(() -> {
            entries.clear();
            live.clear();
            idsByKey.clear();
            keysBySlug.clear();
            postings.clear();
            facetBits.clear();
            return null;
        });
    }

    int size() {
        return read(live::cardinality);
    }

    /** The key of the organisation with this slug, or {@code null}. */
    String keyOfSlug(String slug) {
        return read(() -> keysBySlug.get(slug));
    }

    /** The keys of the page the query asks for, in order, with the count of all matches and the facet counts. */
    SearchHits search(OrganisationQuery query) {
        return read(() -> {
            BitSet candidates = candidates(query.words());
            facetBits.applyEndorsed(query, candidates);
            BitSet matches = facetBits.passing(query, candidates, null);
            List<SearchHits.Facet> facets = query.facets().stream().sorted()
                    .map(field -> facetBits.facet(query, candidates, field)).toList();
            return new IndexSearch(entries, query).run(matches, facets);
        });
    }

    /** The live entries having, for every query word, a word that begins with it. */
    private BitSet candidates(List<String> words) {
        BitSet candidates = (BitSet) live.clone();
        for (String word : words) {
            BitSet withWord = new BitSet(entries.size());
            NavigableMap<String, IntList> range = postings.subMap(word, true, word + Character.MAX_VALUE, true);
            for (IntList ids : range.values()) {
                ids.setAll(withWord);
            }
            candidates.and(withWord);
        }
        return candidates;
    }

    private void removeId(Integer id) {
        if (id != null && live.get(id)) {
            IndexEntry entry = entries.get(id);
            live.clear(id);
            idsByKey.remove(entry.key());
            keysBySlug.remove(entry.slug(), entry.key());
        }
    }

    private void compactIfWasteful() {
        int liveCount = live.cardinality();
        if (entries.size() - liveCount <= Math.max(1000, liveCount)) {
            return;
        }
        List<IndexEntry> kept = new ArrayList<>(liveCount);
        live.stream().forEach(id -> kept.add(entries.get(id)));
        entries.clear();
        live.clear();
        idsByKey.clear();
        keysBySlug.clear();
        postings.clear();
        facetBits.clear();
        kept.forEach(this::add);
    }

    private void add(IndexEntry entry) {
        int id = entries.size();
        entries.add(entry);
        live.set(id);
        idsByKey.put(entry.key(), id);
        keysBySlug.put(entry.slug(), entry.key());
        entry.allWords().forEach(word -> postings.computeIfAbsent(word, w -> new IntList()).add(id));
        facetBits.add(id, entry);
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** A growable list of entry numbers. */
    private static final class IntList {

        private int[] values = new int[2];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void setAll(BitSet bits) {
            for (int i = 0; i < size; i++) {
                bits.set(values[i]);
            }
        }
    }
}
