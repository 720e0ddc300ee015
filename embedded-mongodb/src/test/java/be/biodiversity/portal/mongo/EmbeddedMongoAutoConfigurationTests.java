package be.biodiversity.portal.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=test-service", "spring.mongodb.database=things")
            .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class,
                    MongoReactiveAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class,
                    MongoPingHealthAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void withoutAUriStartsTheEmbeddedServerStoringUnderTheDataDirectory() {
        runner.withPropertyValues("portal.mongodb.embedded.data-dir=" + dataDir).run(context -> {
            MongoServer server = context.getBean(MongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
                    .isEqualTo("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/things");
            ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
            assertThat(mongo.getMongoDatabase().block().getName()).isEqualTo("things");
        });
        assertThat(dataDir.resolve("mongodb.mv")).exists();
    }

    @Test
    void dataSurvivesARestart() {
        runner.withPropertyValues("portal.mongodb.embedded.data-dir=" + dataDir).run(context -> context
                .getBean(ReactiveMongoTemplate.class).insert(new Document("name", "Meise"), "organisations")
                .block(Duration.ofSeconds(5)));

        runner.withPropertyValues("portal.mongodb.embedded.data-dir=" + dataDir).run(context -> assertThat(context
                .getBean(ReactiveMongoTemplate.class).findAll(Document.class, "organisations")
                .map(doc -> doc.getString("name")).collectList().block(Duration.ofSeconds(5)))
                .containsExactly("Meise"));
    }

    @Test
    void theStoreKeepsAsMuchOfItsFileInMemoryAsTheCacheSettingSays() {
        runner.withPropertyValues("portal.mongodb.embedded.in-memory=true", "portal.mongodb.embedded.cache-size=4MB")
                .run(context -> {
                    EmbeddedMongoProperties properties = context.getBean(EmbeddedMongoProperties.class);
                    assertThat(properties.cacheMegabytes()).isEqualTo(4);
                    H2Backend backend = (H2Backend) EmbeddedMongoAutoConfiguration.fileBackend(
                            dataDir.resolve("mongodb.mv"), new EmbeddedMongoProperties(true, dataDir, false, 0, false,
                                    false, null, null, null, null, properties.cacheSize(), null));
                    try {
                        assertThat(backend.getMvStore().getCacheSize()).isEqualTo(4);
                    }
                    finally {
                        backend.close();
                    }
                });
        runner.withPropertyValues("portal.mongodb.embedded.in-memory=true")
                .run(context -> assertThat(context.getBean(EmbeddedMongoProperties.class).cacheSize())
                .as("H2's default").isEqualTo(DataSize.ofMegabytes(16)));
    }

    /**
     * H2 rewrites the file's chunks in the background only once they are less full than the setting (default 50 %,
     * not H2's 90 %, which rewrote every import's chunks some 50 s later at the cost of a burst of full collections);
     * a value that is not a percentage stops the service with a message naming the setting.
     */
    @Test
    void theStoreRewritesItsChunksOnlyBelowTheConfiguredFillRate() throws Exception {
        java.lang.reflect.Method rate = org.h2.mvstore.FileStore.class.getDeclaredMethod("getAutoCompactFillRate");
        rate.setAccessible(true);
        for (Integer setting : java.util.Arrays.asList(null, 30)) {
            H2Backend backend = (H2Backend) EmbeddedMongoAutoConfiguration.fileBackend(dataDir.resolve("mongodb.mv"),
                    new EmbeddedMongoProperties(true, dataDir, false, 0, false, false, null, null, null, null, null,
                            setting));
            try {
                assertThat(rate.invoke(backend.getMvStore().getFileStore())).as("setting %s", setting)
                        .isEqualTo(setting == null ? 50 : setting);
            }
            finally {
                backend.close();
            }
        }
        runner.withPropertyValues("portal.mongodb.embedded.in-memory=true",
                "portal.mongodb.embedded.auto-compact-fill-rate=101").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("portal.mongodb.embedded.auto-compact-fill-rate"));
    }

    @Test
    void inMemoryWritesNothingToDisk() {
        runner.withPropertyValues("portal.mongodb.embedded.in-memory=true",
                "portal.mongodb.embedded.data-dir=" + dataDir)
                .run(context -> assertThat(context).hasSingleBean(MongoServer.class));
        assertThat(Files.exists(dataDir.resolve("mongodb.mv"))).isFalse();
    }

    @Test
    void aConfiguredUriLeavesTheEmbeddedServerOut() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://mongo.example:27017/things").run(context -> {
            assertThat(context).doesNotHaveBean(MongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .containsExactly("mongo.example:27017");
        });
    }

    @Test
    void refusingTheEmbeddedServerWithoutAUriFailsWithAClearMessage() {
        runner.withPropertyValues("portal.mongodb.embedded.enabled=false").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("set spring.mongodb.uri"));
    }

    @Test
    void healthIsUpAndNamesTheBackend() {
        runner.withPropertyValues("portal.mongodb.embedded.in-memory=true").run(context -> {
            Health health = context.getBean("mongoHealthIndicator", ReactiveHealthIndicator.class).health()
                    .block(Duration.ofSeconds(5));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("backend", "embedded").containsEntry("database", "things");
        });
    }
}
