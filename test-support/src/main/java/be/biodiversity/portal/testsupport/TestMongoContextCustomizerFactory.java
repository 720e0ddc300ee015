package be.biodiversity.portal.testsupport;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;

import be.biodiversity.portal.mongo.EmbeddedMongoServers;

/**
 * Points every Spring test context of a service that talks to MongoDB at {@link TestMongo}'s real MongoDB, or, without
 * one, at an embedded server of its own. Registered in
 * {@code META-INF/spring.factories}, so no test has to remember it.
 */
public class TestMongoContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!ClassUtils.isPresent("com.mongodb.reactivestreams.client.MongoClient", testClass.getClassLoader())) {
            return null;
        }
        return new MongoUriCustomizer();
    }

    private static final class MongoUriCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            String external = TestMongo.external();
            // Without a real MongoDB each context gets an embedded server of its own (in memory, with an oplog), as a
            // service does by default: one server shared by every cached context made each change-stream follower
            // read one ever-growing oplog of every test's writes (a context then needed over a minute to start). Also
            // for slices such as @DataMongoTest, which leave the services' embedded auto-configuration out.
            String uri = external;
            if (uri == null) {
                MongoServer server = EmbeddedMongoServers.start(EmbeddedMongoServers.inMemoryBackend(), true,
                        new InetSocketAddress("127.0.0.1", 0));
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent) {
                        server.shutdownNow();
                    }
                });
                uri = server.getConnectionString();
            }
            Map<String, Object> properties = Map.of("spring.mongodb.uri", uri);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMongo", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MongoUriCustomizer;
        }

        @Override
        public int hashCode() {
            return MongoUriCustomizer.class.hashCode();
        }
    }
}
