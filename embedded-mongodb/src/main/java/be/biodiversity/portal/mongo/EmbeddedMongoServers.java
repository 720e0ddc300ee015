package be.biodiversity.portal.mongo;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

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
