package be.biodiversity.portal.mongo;

import de.bwaldvogel.mongo.MongoServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Replaces Boot's MongoDB health indicator (named {@code mongoHealthIndicator}) by one both backends answer. */
@AutoConfiguration(after = { EmbeddedMongoAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class },
        before = MongoReactiveHealthContributorAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class MongoPingHealthAutoConfiguration {

    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo, ObjectProvider<MongoServer> embedded) {
        return new MongoPingHealthIndicator(mongo, embedded.getIfAvailable() != null ? "embedded" : "external");
    }
}
