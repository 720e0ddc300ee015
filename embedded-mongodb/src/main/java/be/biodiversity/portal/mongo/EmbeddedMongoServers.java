package be.biodiversity.portal.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * One way to start the embedded server, for the services' default and for the tests: with an oplog (change streams),
 * a change stream's getMore waits for a change ({@link ChangeAwaitingBackend}), and enough worker threads that such
 * a waiting getMore holds up no other client.
 */
public final class EmbeddedMongoServers {

    /**
     * Netty threads of the embedded server, given to connections in turn: idle ones cost nothing, and up to this
     * many connections each have one of their own, so a waiting getMore holds up no other connection.
     */
    static final int WORKER_THREADS = 64;

    /** At most this many oplog entries are kept (see {@link BoundedOplog}). */
    static final int OPLOG_MAX_ENTRIES = 2000;

    /** An oplog entry every open change stream has read is kept this long (see {@link BoundedOplog}). */
    static final Duration OPLOG_RETAIN = Duration.ofSeconds(60);

    private EmbeddedMongoServers() {
    }

    /** An H2 store in memory, with the bounded in-memory oplog; nothing survives the process. */
    public static H2Backend inMemoryBackend() {
        return new BoundedOplogH2Backend(MVStore.open(null), OPLOG_MAX_ENTRIES, OPLOG_RETAIN);
    }

    /** An H2 store in {@code file}, with the oplog in memory and bounded (the oplog never reaches the file). */
    static H2Backend fileBackend(Path file, int oplogMaxEntries, Duration oplogRetain) {
        return new BoundedOplogH2Backend(MVStore.open(file.toString()), oplogMaxEntries, oplogRetain);
    }

    /** As {@link #inMemoryBackend()}, with an oplog of at most {@code oplogMaxEntries} kept {@code oplogRetain} once read. */
    public static H2Backend inMemoryBackend(int oplogMaxEntries, Duration oplogRetain) {
        return new BoundedOplogH2Backend(MVStore.open(null), oplogMaxEntries, oplogRetain);
    }

    /** Starts a server on {@code address} (port 0: a free one) over {@code backend}. */
    public static MongoServer start(MongoBackend backend, boolean oplog, InetSocketAddress address) {
        MongoServer server = new MongoServer(oplog ? new ChangeAwaitingBackend(backend) : backend);
        if (oplog) {
            server.enableOplog();
        }
        server.bind(address, 1, WORKER_THREADS);
        return server;
    }
}
