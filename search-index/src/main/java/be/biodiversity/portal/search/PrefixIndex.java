package be.biodiversity.portal.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Documents held in memory for searching, one instance's copy: every folded word of every entry mapped to the entries
 * that have it, in a sorted map, so the entries with a word beginning with a prefix are one range of it. MongoDB stays
 * the store; an index answers which entries match. Each entry has a number (its position); {@link Listener}s keep
 * per-number structures such as filter and facet bits beside it.
 *
 * <p>A change replaces the entry under a new number and marks the old one dead; dead numbers are dropped when they
 * outnumber the live ones (the listeners are then told to start again). Locks are held for in-memory work only
 * (microseconds to a few milliseconds), never around I/O, so taking them on an event-loop thread is acceptable.
 *
 * @param <E> what the index keeps of one document
 */
public final class PrefixIndex<E extends PrefixIndex.Entry> {

    /** What an index keeps of one document: its key, its version (a later one wins) and the words it is found by. */
    public interface Entry {

        String key();

        long version();

        /** Gives every folded word the entry can be found by (repeats are harmless). */
        void words(Consumer<String> sink);
    }

    /** Keeps structures per entry number beside the index; called under its write lock. */
    public interface Listener<E> {

        void added(int id, E entry);

        default void removed(int id, E entry) {
        }

        void cleared();
    }

    /** What a search may read, under the read lock. */
    public interface View<E> {

        /** The numbers of the live entries (a copy, to narrow). */
        BitSet live();

        /** The live entries having, for every prefix, a word that begins with it (all live ones for none). */
        BitSet matchingAll(List<String> prefixes);

        E entry(int id);
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<E> entries = new ArrayList<>();
    private final BitSet live = new BitSet();
    private final Map<String, Integer> idsByKey = new HashMap<>();
    private final TreeMap<String, IntList> postings = new TreeMap<>();
    private final Listener<E> listener;
    private final View<E> view = new IndexView();

    public PrefixIndex() {
        this(null);
    }

    public PrefixIndex(Listener<E> listener) {
        this.listener = listener;
    }

    /** Adds or replaces the entry of a document, unless the index holds a later version; says whether it did. */
    public boolean put(E entry) {
        return write(() -> {
            Integer old = idsByKey.get(entry.key());
            if (old != null && entries.get(old).version() > entry.version()) {
                return false;
            }
            removeId(old);
            add(entry);
            compactIfWasteful();
            return true;
        });
    }

    /** Puts what the store holds now for the key ({@code null}: nothing), whatever version the index had. */
    public void replace(String key, E current) {
        write(() -> {
            removeId(idsByKey.get(key));
            if (current != null) {
                add(current);
            }
            compactIfWasteful();
            return null;
        });
    }

    public void remove(String key) {
        write(() -> {
            removeId(idsByKey.get(key));
            compactIfWasteful();
            return null;
        });
    }

    public void clear() {
        write(() -> {
            entries.clear();
            live.clear();
            idsByKey.clear();
            postings.clear();
            if (listener != null) {
                listener.cleared();
            }
            return null;
        });
    }

    public int size() {
        return read(v -> live.cardinality());
    }

    /** The entry of a key, or {@code null}. */
    public E get(String key) {
        return read(v -> {
            Integer id = idsByKey.get(key);
            return id == null ? null : entries.get(id);
        });
    }

    /** The keys of every live entry (a copy). */
    public java.util.Set<String> keys() {
        return read(v -> new java.util.HashSet<>(idsByKey.keySet()));
    }

    /** Runs a search under the read lock. */
    public <T> T read(Function<View<E>, T> search) {
        lock.readLock().lock();
        try {
            return search.apply(view);
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    private void removeId(Integer id) {
        if (id != null && live.get(id)) {
            E entry = entries.get(id);
            live.clear(id);
            idsByKey.remove(entry.key());
            if (listener != null) {
                listener.removed(id, entry);
            }
        }
    }

    private void compactIfWasteful() {
        int liveCount = live.cardinality();
        if (entries.size() - liveCount <= Math.max(1000, liveCount)) {
            return;
        }
        List<E> kept = new ArrayList<>(liveCount);
        live.stream().forEach(id -> kept.add(entries.get(id)));
        entries.clear();
        live.clear();
        idsByKey.clear();
        postings.clear();
        if (listener != null) {
            listener.cleared();
        }
        kept.forEach(this::add);
    }

    private void add(E entry) {
        int id = entries.size();
        entries.add(entry);
        live.set(id);
        idsByKey.put(entry.key(), id);
        entry.words(word -> postings.computeIfAbsent(word, w -> new IntList()).addOnce(id));
        if (listener != null) {
            listener.added(id, entry);
        }
    }

    private final class IndexView implements View<E> {

        @Override
        public BitSet live() {
            return (BitSet) live.clone();
        }

        @Override
        public BitSet matchingAll(List<String> prefixes) {
            BitSet candidates = (BitSet) live.clone();
            for (String prefix : prefixes) {
                BitSet withWord = new BitSet(entries.size());
                for (IntList ids : postings.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values()) {
                    ids.setAll(withWord);
                }
                candidates.and(withWord);
                if (candidates.isEmpty()) {
                    break;
                }
            }
            return candidates;
        }

        @Override
        public E entry(int id) {
            return entries.get(id);
        }
    }

    /** A growable list of entry numbers, in increasing order. */
    private static final class IntList {

        private int[] values = new int[2];
        private int size;

        void addOnce(int value) {
            if (size > 0 && values[size - 1] == value) {
                return;
            }
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
