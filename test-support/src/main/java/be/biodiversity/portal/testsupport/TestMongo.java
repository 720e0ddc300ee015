package be.biodiversity.portal.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import be.biodiversity.portal.mongo.EmbeddedMongoServers;

/**
 * The one way every test gets a MongoDB, chosen once per test JVM: {@code MONGODB_URI} if set; else a
 * Testcontainers {@code mongo:8} when Docker is available; else the embedded mongo-java-server, in memory.
 * The choice is printed, so a test run says which database it ran against.
 */
public final class TestMongo {

    private static String uri;

    private TestMongo() {
    }

    /** The connection string of the test MongoDB, without a database name. Starts it on first use. */
    public static synchronized String uri() {
        if (uri == null) {
            uri = start();
        }
        return uri;
    }

    private static String start() {
        String configured = System.getenv("MONGODB_URI");
        if (configured != null && !configured.isBlank()) {
            report("MONGODB_URI", configured);
            return configured;
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:8");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            report("Testcontainers mongo:8", container.getConnectionString());
            return container.getConnectionString();
        }
        // Change streams work as on Testcontainers' single-node replica set, their getMore waiting for a change: every
        // follower of every Spring context of a test JVM shares this one server.
        MongoServer server = EmbeddedMongoServers.start(H2Backend.inMemory(), true,
                new InetSocketAddress("127.0.0.1", 0));
        String embedded = server.getConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        report("embedded mongo-java-server (in memory; Docker not available)", embedded);
        return embedded;
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getProperty("portal.test.docker"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static void report(String kind, String where) {
        System.out.println("[test-support] MongoDB for tests: " + kind + " at " + where);
    }
}
