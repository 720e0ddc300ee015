package be.biodiversity.portal.mongo;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * MongoDB health by {@code ping}, which both a real server and the embedded one answer. Boot's own indicator
 * sends {@code hello}, which the embedded server does not know, and would report DOWN.
 */
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;
    private final String backend;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo, String backend) {
        super("MongoDB health check failed");
        this.mongo = mongo;
        this.backend = backend;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .map(answer -> builder.up()
                                .withDetail("backend", backend)
                                .withDetail("database", db.getName())
                                .build()));
    }
}
