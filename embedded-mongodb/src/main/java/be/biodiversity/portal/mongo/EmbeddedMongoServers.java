package be.biodiversity.portal.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;

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

    private EmbeddedMongoServers() {
    }

    /** An H2 store in memory, with the bounded in-memory oplog ({@link OplogLimits#DEFAULT}); nothing survives. */
    public static H2Backend inMemoryBackend() {
        return inMemoryBackend(OplogLimits.DEFAULT);
    }

    /** An H2 store in memory, with an in-memory oplog bounded by {@code limits}. */
    public static H2Backend inMemoryBackend(OplogLimits limits) {
        return new BoundedOplogH2Backend(MVStore.open(null), limits);
    }

    /** An H2 store in {@code file}, with the oplog in memory and bounded (the oplog never reaches the file). */
    static H2Backend fileBackend(Path file, OplogLimits limits) {
        return fileBackend(file, limits, (int) EmbeddedMongoProperties.DEFAULT_CACHE_SIZE.toMegabytes(),
                EmbeddedMongoProperties.DEFAULT_AUTO_COMPACT_FILL_RATE);
    }

    /**
     * The same, keeping at most about {@code cacheMegabytes} of the file read and decoded in memory, its chunks
     * rewritten in the background once they are less than {@code autoCompactFillRate} percent full (0: never).
     */
    static H2Backend fileBackend(Path file, OplogLimits limits, int cacheMegabytes, int autoCompactFillRate) {
        return new BoundedOplogH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
                .autoCompactFillRate(autoCompactFillRate).open(), limits);
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
