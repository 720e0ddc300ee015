package be.biodiversity.portal.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
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

    private static String external;

    private static boolean chosen;

    private TestMongo() {
    }

    /** The connection string of the test MongoDB, without a database name. Starts it on first use. */
    public static synchronized String uri() {
        if (uri == null) {
            String real = external();
            uri = (real != null) ? real : startEmbedded();
        }
        return uri;
    }

    /**
     * {@code MONGODB_URI}, else a Testcontainers {@code mongo:8} when Docker is available, else null: then every
     * Spring test context starts its own embedded server, as a service does by default (see
     * {@link TestMongoContextCustomizerFactory}).
     */
    public static synchronized String external() {
        if (!chosen) {
            chosen = true;
            external = startExternal();
            if (external == null) {
                report("embedded mongo-java-server (in memory, one per Spring context; Docker not available)", "-");
            }
        }
        return external;
    }

    private static String startExternal() {
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
        return null;
    }

    /** One shared embedded server, for tests that connect their own clients (no Spring context). */
    private static String startEmbedded() {
        MongoServer server = EmbeddedMongoServers.start(EmbeddedMongoServers.inMemoryBackend(), true,
                new InetSocketAddress("127.0.0.1", 0));
        String embedded = server.getConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        report("embedded mongo-java-server for direct clients (in memory; Docker not available)", embedded);
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
