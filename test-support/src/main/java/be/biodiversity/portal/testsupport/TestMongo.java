package be.biodiversity.portal.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

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
        MongoServer server = new MongoServer(H2Backend.inMemory());
        // Change streams work as on Testcontainers' single-node replica set.
        server.enableOplog();
        String embedded = server.bindAndGetConnectionString();
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
