package be.biodiversity.portal.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;

/**
 * Points every Spring test context of a service that talks to MongoDB at {@link TestMongo}. Registered in
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
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("testMongo", Map.of("spring.mongodb.uri", TestMongo.uri())));
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
