package be.biodiversity.portal.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;

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
            // Without a real MongoDB each context starts its own embedded server (in memory, with an oplog), as a
            // service does by default: one server shared by every cached context made each change-stream follower
            // read one ever-growing oplog of every test's writes (a context then needed over a minute to start).
            Map<String, Object> properties = (external != null) ? Map.of("spring.mongodb.uri", external)
                    : Map.of("portal.mongodb.embedded.enabled", "true", "portal.mongodb.embedded.in-memory", "true",
                            "portal.mongodb.embedded.oplog", "true");
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
