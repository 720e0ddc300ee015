package be.biodiversity.portal.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * With no MongoDB URI configured, starts an in-process MongoDB wire-protocol server (mongo-java-server with its
 * H2 backend) on loopback and points Boot's MongoDB client at it. With a URI, this configuration stays out of
 * the way and Boot connects to that server.
 */
@AutoConfiguration(before = { MongoAutoConfiguration.class, MongoReactiveAutoConfiguration.class })
@ConditionalOnClass(MongoServer.class)
@Conditional(NoMongoUriConfigured.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment env) {
        if (!properties.enabled()) {
            throw new IllegalStateException("No MongoDB configured: set spring.mongodb.uri (SPRING_MONGODB_URI) "
                    + "or allow the embedded server (portal.mongodb.embedded.enabled=true)");
        }
        Path store = properties.inMemory() ? null : storeFile(properties, env);
        MongoBackend backend = store == null
                ? EmbeddedMongoServers.inMemoryBackend(properties.oplogLimits())
                : fileBackend(store, properties);
        MongoServer server = EmbeddedMongoServers.start(backend, properties.oplog(),
                new InetSocketAddress("127.0.0.1", properties.port()));
        log.info("MongoDB backend: embedded mongo-java-server on {}, {}", server.getLocalAddress(),
                store == null ? "in memory (nothing survives a restart)" : "data in " + store.toAbsolutePath()
                        + (properties.commitOnWrite() ? ", committed on every write" : ", committed about once a second"));
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer, Environment env) {
        String database = env.getProperty("spring.mongodb.database", env.getProperty("spring.application.name", "test"));
        ConnectionString uri = new ConnectionString(embeddedMongoServer.getConnectionString() + "/" + database);
        return () -> uri;
    }

    /** The H2 store in a file; see {@link DurableH2Backend} for why it commits on every write. */
    static MongoBackend fileBackend(Path store, EmbeddedMongoProperties properties) {
        H2Backend h2 = EmbeddedMongoServers.fileBackend(store, properties.oplogLimits(),
                properties.cacheMegabytes(), properties.autoCompactFillRate());
        return properties.commitOnWrite() ? new DurableH2Backend(h2) : h2;
    }

    static MongoBackend fileBackend(Path store, boolean commitOnWrite) {
        return fileBackend(store, new EmbeddedMongoProperties(true, null, false, 0, commitOnWrite, false, null, null, null, null,
                null, null));
    }

    static Path storeFile(EmbeddedMongoProperties properties, Environment env) {
        Path dir = properties.dataDir() != null ? properties.dataDir()
                : Path.of("data", env.getProperty("spring.application.name", "mongodb"));
        try {
            Files.createDirectories(dir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB data directory " + dir, ex);
        }
        return dir.resolve("mongodb.mv");
    }
}
