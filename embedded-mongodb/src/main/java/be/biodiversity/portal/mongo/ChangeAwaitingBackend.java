package be.biodiversity.portal.mongo;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.channel.SingleThreadEventLoop;

/**
 * Makes a {@code getMore} on a change stream wait for a change, as a real MongoDB does ({@code awaitData}): the
 * embedded server answers it at once with an empty batch, and the driver asks again at once, so every change-stream
 * follower (a search index, the page index) kept a core busy even on an idle site. Here an empty answer on an open
 * cursor is held until the next write on this server or the getMore's {@code maxTimeMS}, whichever comes first, and
 * the getMore is asked again. A waiting getMore holds its worker thread: the server runs with a thread for each of the
 * first {@link EmbeddedMongoServers#WORKER_THREADS} connections, and at most {@link #MAX_WAITING} wait at once. A
 * connection alone on its thread (a service's few connections) waits up to {@link #MAX_AWAIT_ALONE_MILLIS}, as
 * MongoDB's default; one that shares it, or whose thread has other work waiting (a connection being registered),
 * at most {@link #MAX_AWAIT_MILLIS}.
 */
final class ChangeAwaitingBackend implements MongoBackend {

    /**
     * Short: a waiting getMore holds its worker thread, and a connection that shares the thread waits too (a test JVM
     * holds more connections than threads; 250 ms made a content-service test context take a minute to load its
     * demo). At 25 ms an idle follower asks about forty times a second instead of several thousand.
     */
    static final long MAX_AWAIT_MILLIS = 25;

    /**
     * A connection alone on its worker thread holds no one else up: it waits as long as MongoDB waits by default.
     * Each of content-service's idle followers asked forty times a second at 25 ms: 12 % of a core, idle.
     */
    static final long MAX_AWAIT_ALONE_MILLIS = 1000;

    /**
     * At most this many getMores wait at once; past that one is answered at once, as before. A waiting getMore holds
     * its worker thread, and every connection that thread serves waits with it: with more followers than threads (a
     * test JVM holds many Spring contexts, each with its followers) no thread was left for the writes they wait for.
     */
    static final int MAX_WAITING = EmbeddedMongoServers.WORKER_THREADS / 4;

    private final Semaphore waiting = new Semaphore(MAX_WAITING);

    private final MongoBackend store;

    private final Object changed = new Object();

    /** Set when the server stops: a waiting getMore is answered at once. */
    private volatile boolean closed;

    /** Writes seen so far; guarded by {@link #changed}. */
    private long writes;

    /** getMore commands handed to the store: how often a tailing cursor is asked (for tests). */
    private final AtomicLong asked = new AtomicLong();

    ChangeAwaitingBackend(MongoBackend store) {
        this.store = store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        String name = (command == null || command.isEmpty()) ? null : command.keySet().iterator().next();
        if ("getMore".equalsIgnoreCase(name)) {
            return awaiting(command, message.getChannel(), () -> orHistoryLost(() -> this.store.handleMessage(message)));
        }
        Document answer = orHistoryLost(() -> this.store.handleMessage(message));
        if (DurableH2Backend.isWrite(name)) {
            written();
        }
        return answer;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("getMore".equalsIgnoreCase(command)) {
            return awaiting(query, channel, () -> this.store.handleCommand(channel, database, command, query));
        }
        Document answer = this.store.handleCommand(channel, database, command, query);
        if (DurableH2Backend.isWrite(command)) {
            written();
        }
        return answer;
    }

    private Document awaiting(Document command, Channel channel, Supplier<Document> ask) {
        if (!this.waiting.tryAcquire()) {
            this.asked.incrementAndGet();
            return ask.get();
        }
        try {
            return awaitingWithPermit(command, channel, ask);
        }
        finally {
            this.waiting.release();
        }
    }

    private Document awaitingWithPermit(Document command, Channel channel, Supplier<Document> ask) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(awaitMillis(command, alone(channel)));
        while (true) {
            long seen;
            synchronized (this.changed) {
                seen = this.writes;
            }
            this.asked.incrementAndGet();
            Document answer = ask.get();
            if (!emptyAndOpen(answer)) {
                return answer;
            }
            // waits in short steps: a connection that comes to share the thread is held up one step at most
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || this.closed) {
                    return answer;
                }
                synchronized (this.changed) {
                    if (this.writes != seen) {
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this.changed,
                                Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(MAX_AWAIT_MILLIS)));
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return answer;
                    }
                    if (this.writes != seen) {
                        break;
                    }
                }
                if (!alone(channel)) {
                    return answer;
                }
            }
        }
    }

    /**
     * Whether the connection is the only one its worker thread serves and the thread has nothing else to do (a new
     * connection is registered with a task on it). Unknown (not a Netty event loop that counts its channels): no.
     */
    static boolean alone(Channel channel) {
        return channel != null && channel.eventLoop() instanceof SingleThreadEventLoop loop
                && loop.registeredChannels() == 1 && loop.pendingTasks() == 0;
    }

    /**
     * A change stream whose history the bounded oplog dropped gets MongoDB's answer (error 286), as a reply rather than
     * an exception: the wire handler logs every exception at ERROR with its stack trace, and this one is expected after
     * a large import and handled by the follower, which logs it once as a warning.
     */
    private static Document orHistoryLost(Supplier<Document> ask) {
        try {
            return ask.get();
        }
        catch (MongoServerError ex) {
            if (ex.getCode() != BoundedOplog.HISTORY_LOST) {
                throw ex;
            }
            Document error = new Document("$err", ex.getMessageWithoutErrorCode());
            error.put("errmsg", ex.getMessageWithoutErrorCode());
            error.put("code", ex.getCode());
            error.put("codeName", ex.getCodeName());
            error.put("ok", 0);
            return error;
        }
    }

    long getMoresAsked() {
        return this.asked.get();
    }

    private void written() {
        synchronized (this.changed) {
            this.writes++;
            this.changed.notifyAll();
        }
    }

    /**
     * The getMore's {@code maxTimeMS} (the driver's maxAwaitTime), else and at most the longest wait for a connection
     * alone on its thread or not.
     */
    static long awaitMillis(Document command, boolean alone) {
        long most = alone ? MAX_AWAIT_ALONE_MILLIS : MAX_AWAIT_MILLIS;
        Object max = (command == null) ? null : command.get("maxTimeMS");
        long asked = (max instanceof Number number) ? number.longValue() : most;
        return Math.max(0, Math.min(asked, most));
    }

    /** An answer with no document on a cursor that stays open: a tailing cursor with nothing new yet. */
    static boolean emptyAndOpen(Document answer) {
        if (answer == null || !(answer.get("cursor") instanceof Document cursor)) {
            return false;
        }
        return cursor.get("nextBatch") instanceof List<?> batch && batch.isEmpty()
                && cursor.get("id") instanceof Number id && id.longValue() != 0;
    }

    @Override
    public void dropDatabase(String database) {
        this.store.dropDatabase(database);
        written();
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return this.store.handleQuery(query);
    }

    @Override
    public void handleClose(Channel channel) {
        this.store.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return this.store.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return this.store.getServerStatus();
    }

    @Override
    public void close() {
        this.closed = true;
        synchronized (this.changed) {
            this.changed.notifyAll();
        }
        this.store.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        this.store.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return this.store.getClock();
    }

    @Override
    public void enableOplog() {
        this.store.enableOplog();
    }

    @Override
    public void disableOplog() {
        this.store.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return this.store.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        this.store.version(version);
        return this;
    }
}
