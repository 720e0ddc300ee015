package be.biodiversity.portal.mongo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CursorNotFoundException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.CollectionBackedOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.oplog.OplogCursor;

/**
 * The embedded server's oplog, trimmed to what its change-stream followers still need. After each write it drops the
 * oldest entries that every open change stream has read and that are older than {@code retain} (a follower between
 * two streams, retrying after a failure, resumes within that time) or, however recent, while the kept entries weigh
 * more than {@code retainBytes} (an import's last 2,000 pages, read by every follower, held 12 MB of heap for a minute
 * after it); and, whatever the followers still need, the oldest beyond {@code maxEntries} entries or {@code maxBytes}
 * (file chunks of an import weigh 255 kB each). A follower that missed dropped entries is told so, as a real MongoDB
 * tells it when its oplog rolled over: its next {@code getMore}, or a stream resumed from a token (or a start time)
 * older than the newest dropped entry, fails with error 286 {@code ChangeStreamHistoryLost}, and the follower loads
 * its index again in full instead of missing a change.
 *
 * <p>An update's event carries the document's {@code _id} as its {@code documentKey}, as on MongoDB (mongo-java-server
 * gave the update's own fields there). A stream that asks for an update's whole document ({@code fullDocument:
 * "updateLookup"}) gets it by that {@code _id}, through the collection's unique index, as a real MongoDB does:
 * mongo-java-server found it by reading the whole collection, once for each update event and each stream (an editor's
 * save cost content-service some 0.7 s of CPU and a burst of full collections at 5,000 pages). A stream with pipeline
 * stages after {@code $changeStream} (they may read the full document) is left to the server's own look-up.
 */
final class BoundedOplog implements Oplog {

    static final int HISTORY_LOST = 286;

    private static final String FULL_DOCUMENT = "fullDocument";
    private static final String UPDATE_LOOKUP = "updateLookup";

    private final MongoBackend backend;

    private final Oplog log;
    private final OplogEntries entries;
    private final CursorRegistry cursors;
    private final Clock clock;
    private final int maxEntries;
    private final long maxBytes;
    private final Duration retain;
    private final long retainBytes;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

    BoundedOplog(MongoBackend backend, CursorRegistry cursors, OplogLimits limits) {
        this.backend = backend;
        this.entries = new OplogEntries();
        this.log = new CollectionBackedOplog(backend, this.entries, cursors);
        this.cursors = cursors;
        this.clock = backend.getClock();
        this.maxEntries = limits.maxEntries();
        this.maxBytes = limits.maxBytes();
        this.retain = limits.retain();
        this.retainBytes = limits.retainBytes();
    }

    @Override
    public void handleInsert(String namespace, List<Document> documents) {
        this.log.handleInsert(namespace, documents);
        trim();
    }

    @Override
    public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
        this.log.handleUpdate(namespace, selector, query, modifiedIds);
        trim();
    }

    @Override
    public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
        this.log.handleDelete(namespace, query, deletedIds);
        trim();
    }

    @Override
    public void handleDropCollection(String namespace) {
        this.log.handleDropCollection(namespace);
        trim();
    }

    @Override
    public Cursor createCursor(Document changeStream, String namespace, Aggregation aggregation) {
        long start = startOf(changeStream);
        if (start >= 0 && lost(start)) {
            throw historyLost();
        }
        boolean lookUp = UPDATE_LOOKUP.equals(changeStream.get(FULL_DOCUMENT)) && aggregation.getStages().isEmpty();
        Document asked = changeStream;
        if (lookUp) {
            asked = new Document(changeStream);
            asked.remove(FULL_DOCUMENT);
        }
        Cursor cursor = this.log.createCursor(asked, namespace, aggregation);
        if (!(cursor instanceof OplogCursor)) {
            return cursor;
        }
        Follower follower = new Follower(cursor, start >= 0 ? start : this.entries.newest(),
                lookUp ? namespace : null);
        this.cursors.remove(cursor);
        this.cursors.add(follower);
        this.followers.add(follower);
        return follower;
    }

    /** Entries kept now (for tests and the log). */
    int size() {
        return this.entries.count();
    }

    /** About how many bytes the kept entries weigh (for tests). */
    long bytes() {
        return this.entries.bytes();
    }

    /**
     * Drops what every follower has read (past the retention time or weight) and anything beyond {@code maxEntries}
     * or {@code maxBytes}.
     */
    void trim() {
        long readByAll = Long.MAX_VALUE;
        for (Follower follower : this.followers) {
            if (isOpen(follower)) {
                readByAll = Math.min(readByAll, follower.position);
            }
            else {
                this.followers.remove(follower);
            }
        }
        long read = readByAll;
        // Entries of the second that ended `retain` ago and before: a second's entries go together.
        long retainedFrom = (this.clock.instant().minus(this.retain).getEpochSecond() + 1) << 32;
        this.entries.dropOldestWhile(ts -> this.entries.count() > this.maxEntries
                || this.entries.bytes() > this.maxBytes
                || (ts <= read && (ts < retainedFrom || this.entries.bytes() > this.retainBytes)));
    }

    private boolean isOpen(Follower follower) {
        try {
            return this.cursors.getCursor(follower.getId()) == follower;
        }
        catch (CursorNotFoundException ex) {
            return false;
        }
    }

    /** Whether a follower that has read up to {@code position} has missed a dropped entry. */
    private boolean lost(long position) {
        return this.entries.horizon() > position;
    }

    /**
     * Where a change stream starts, as a timestamp value it has seen: its resume token's, or just before its start
     * time; -1 when it starts now.
     */
    static long startOf(Document changeStream) {
        for (String key : List.of("startAfter", "resumeAfter")) {
            long position = tokenPosition(changeStream.get(key));
            if (position >= 0) {
                return position;
            }
        }
        if (changeStream.get("startAtOperationTime") instanceof BsonTimestamp time) {
            return time.getValue() - 1;
        }
        return -1;
    }

    /** The oplog timestamp value a resume token ({@code {_data: hex}}, an event's {@code _id}) names; -1 if none. */
    private static long tokenPosition(Object token) {
        return token instanceof Document document && document.get("_data") instanceof String data
                ? Long.parseUnsignedLong(data, 16) : -1;
    }

    /**
     * Mends an update event as MongoDB writes it: mongo-java-server gives the update's own fields as its {@code
     * documentKey} (the {@code _id} only for a replacement), so the key is taken from its oplog entry; with {@code
     * lookUpIn}, its {@code fullDocument} is the document as it is now (null once it is deleted: its delete event
     * follows, as on MongoDB) instead of the update's fields.
     */
    private void mendUpdate(Document event, String lookUpIn) {
        long position = tokenPosition(event.get("_id"));
        if (!"update".equals(event.get("operationType")) || position < 0) {
            return;
        }
        Document entry = this.entries.entry(position);
        if (entry == null || !(entry.get("o2") instanceof Document key)) {
            throw historyLost(); // dropped while this stream was reading it: past the limits
        }
        event.put("documentKey", key);
        if (lookUpIn != null) {
            event.put(FULL_DOCUMENT, current(lookUpIn, key.get("_id")));
        }
    }

    /** The document with this {@code _id} in {@code namespace} ({@code db.collection}), through its unique index. */
    private Document current(String namespace, Object id) {
        int dot = namespace.indexOf('.');
        MongoCollection<?> collection = this.backend.resolveDatabase(namespace.substring(0, dot))
                .resolveCollection(namespace.substring(dot + 1), false);
        Document current = null;
        if (collection != null) {
            for (Document found : collection.handleQuery(new QueryParameters(new Document("_id", id), 0, 1))) {
                current = found;
            }
        }
        return current;
    }

    private static MongoServerError historyLost() {
        return new MongoServerError(HISTORY_LOST, "ChangeStreamHistoryLost",
                "Resume of change stream was not possible, as the resume point may no longer be in the oplog");
    }

    /** An open change stream, and the newest oplog timestamp it has read. */
    private final class Follower implements Cursor {

        private final Cursor cursor;
        /** The collection whose documents update events get ({@code db.collection}); null: their own fields. */
        private final String lookUpIn;
        private volatile long position;

        Follower(Cursor cursor, long position, String lookUpIn) {
            this.cursor = cursor;
            this.position = position;
            this.lookUpIn = lookUpIn;
        }

        @Override
        public long getId() {
            return this.cursor.getId();
        }

        @Override
        public boolean isEmpty() {
            return this.cursor.isEmpty();
        }

        @Override
        public List<Document> takeDocuments(int numberToReturn) {
            if (lost(this.position)) {
                BoundedOplog.this.followers.remove(this);
                throw historyLost();
            }
            long newest = BoundedOplog.this.entries.newest();
            List<Document> batch = this.cursor.takeDocuments(numberToReturn);
            batch.forEach(event -> mendUpdate(event, this.lookUpIn));
            if (batch.isEmpty()) {
                // Nothing this stream wants up to the newest entry: the others may go.
                this.position = Math.max(this.position, newest);
            }
            else {
                this.position = Math.max(this.position, tokenPosition(batch.get(batch.size() - 1).get("_id")));
            }
            trim();
            return batch;
        }
    }
}
