package be.biodiversity.portal.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The oplog's entries, in memory and in timestamp order, instead of a collection of the H2 store. In the store every
 * change stream's {@code getMore} read (deserialized) the whole oplog, and the oplog kept every write's full document
 * forever, across restarts too: at 5,000 imported documents the followers' scans held 50 MB of heap and a core busy.
 * Only the server writes here ({@link #addDocument}); {@link BoundedOplog} drops what no follower needs any more.
 * An entry's key is its timestamp's value ({@code ts}), so a position is a plain {@code long}.
 */
final class OplogEntries implements MongoCollection<Document> {

    private record Entry(Document document, long bytes) {
    }

    private final ConcurrentSkipListMap<Long, Entry> entries = new ConcurrentSkipListMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final UUID uuid = UUID.randomUUID();

    /** The newest timestamp dropped so far (0: none): a follower that has not seen it has lost history. */
    private volatile long horizon;

    /** The newest timestamp added so far (0: none). */
    private volatile long newest;

    static long timestampOf(Document entry) {
        return ((BsonTimestamp) entry.get("ts")).getValue();
    }

    @Override
    public void addDocument(Document document) {
        long ts = timestampOf(document);
        Entry entry = new Entry(document, estimatedBytes(document));
        Entry replaced = this.entries.put(ts, entry);
        this.bytes.addAndGet(entry.bytes() - (replaced == null ? 0 : replaced.bytes()));
        if (replaced == null) {
            this.size.incrementAndGet();
        }
        synchronized (this) {
            this.newest = Math.max(this.newest, ts);
        }
    }

    /** Drops the oldest entries while {@code drop} says so of the oldest's timestamp; returns how many. */
    synchronized int dropOldestWhile(LongPredicate drop) {
        int dropped = 0;
        for (var oldest = this.entries.firstEntry(); oldest != null && drop.test(oldest.getKey());
                oldest = this.entries.firstEntry()) {
            Entry removed = this.entries.remove(oldest.getKey());
            if (removed != null) {
                this.size.decrementAndGet();
                this.bytes.addAndGet(-removed.bytes());
                this.horizon = Math.max(this.horizon, oldest.getKey());
                dropped++;
            }
        }
        return dropped;
    }

    /** About how much the kept entries' text and binary values weigh, in bytes. */
    long bytes() {
        return this.bytes.get();
    }

    /** Text and binary values count their length, anything else 16 bytes: enough to bound an oplog of file chunks. */
    static long estimatedBytes(Object value) {
        if (value instanceof String text) {
            return 16 + text.length();
        }
        if (value instanceof byte[] data) {
            return 16 + data.length;
        }
        if (value instanceof BinData data) {
            return 16 + data.getData().length;
        }
        if (value instanceof Map<?, ?> map) {
            long sum = 16;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                sum += estimatedBytes(field.getKey()) + estimatedBytes(field.getValue());
            }
            return sum;
        }
        if (value instanceof Collection<?> items) {
            long sum = 16;
            for (Object item : items) {
                sum += estimatedBytes(item);
            }
            return sum;
        }
        return 16;
    }

    long horizon() {
        return this.horizon;
    }

    long newest() {
        return this.newest;
    }

    /** The entry with this timestamp's value; null when there is none (any more). */
    Document entry(long ts) {
        Entry entry = this.entries.get(ts);
        return entry == null ? null : entry.document();
    }

    @Override
    public int count() {
        return this.size.get();
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        return this.entries.values().stream().map(Entry::document);
    }

    @Override
    public Iterable<Document> queryAll() {
        return this.entries.values().stream().map(Entry::document).toList();
    }

    @Override
    public String getFullName() {
        return "local.oplog.rs";
    }

    @Override
    public String getDatabaseName() {
        return "local";
    }

    @Override
    public String getCollectionName() {
        return "oplog.rs";
    }

    @Override
    public UUID getUuid() {
        return this.uuid;
    }

    @Override
    public boolean isEmpty() {
        return this.entries.isEmpty();
    }

    @Override
    public int count(Document query, int skip, int limit) {
        throw notHere();
    }

    @Override
    public MongoDatabase getDatabase() {
        throw notHere();
    }

    @Override
    public void addIndex(Index<Document> index) {
        throw notHere();
    }

    @Override
    public void dropIndex(String name) {
        throw notHere();
    }

    @Override
    public void removeDocument(Document document) {
        throw notHere();
    }

    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        throw notHere();
    }

    @Override
    public List<Document> insertDocuments(List<Document> documents, boolean ordered) {
        throw notHere();
    }

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
            boolean upsert, Oplog oplog) {
        throw notHere();
    }

    @Override
    public int deleteDocuments(Document selector, int limit, Oplog oplog) {
        throw notHere();
    }

    @Override
    public Document handleDistinct(Document query) {
        throw notHere();
    }

    @Override
    public Document getStats() {
        throw notHere();
    }

    @Override
    public Document validate() {
        throw notHere();
    }

    @Override
    public Document findAndModify(Document query) {
        throw notHere();
    }

    @Override
    public List<Index<Document>> getIndexes() {
        return List.of();
    }

    @Override
    public void renameTo(MongoDatabase database, String name) {
        throw notHere();
    }

    @Override
    public void drop() {
        throw notHere();
    }

    private static UnsupportedOperationException notHere() {
        return new UnsupportedOperationException("the in-memory oplog is read by change streams only");
    }
}
