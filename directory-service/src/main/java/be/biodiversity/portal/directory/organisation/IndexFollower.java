package be.biodiversity.portal.directory.organisation;

import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.search.ChangeFollower;

/**
 * Keeps this instance's {@link SearchIndex} in step with the writes of every instance, so that directory-service
 * can run several replicas: the portal's shared {@link ChangeFollower} follows the change stream of the
 * {@code organisations} collection (a MongoDB replica set, or the embedded server with its oplog), from the server's
 * time taken before the full load at start-up, resuming after the last event after a failure. Writes made here are
 * already in the index; their events come back and change nothing, as the index keeps the later version.
 */
@Component
public class IndexFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final ReactiveMongoTemplate mongo;
    private final SearchIndex index;
    private final ChangeFollower follower;

    IndexFollower(ReactiveMongoTemplate mongo, SearchIndex index, OrganisationService organisations) {
        this.mongo = mongo;
        this.index = index;
        this.follower = new ChangeFollower(mongo, "organisations", new ChangeFollower.Changes() {
            @Override
            public Mono<Void> upserted(Document document) {
                return Mono.fromRunnable(() -> index.put(IndexEntry.of(mongo.getConverter().read(Organisation.class,
                        document))));
            }

            @Override
            public Mono<Void> deleted(String key) {
                return takeStored(key);
            }

            @Override
            public Mono<Long> reload() {
                return organisations.reindex();
            }
        });
    }

    /** Starts following the change stream, then loads the index in full; emits the number of organisations loaded. */
    public Mono<Long> start() {
        return follower.start();
    }

    /** Each change once the index holds it, for tests that wait for one. */
    Flux<ChangeFollower.Applied> applied() {
        return follower.applied();
    }

    /**
     * After a delete the key may already be taken again (deleted and created anew, the new one with a lower
     * version than the old one's late events): the index takes whatever MongoDB holds for the key now.
     */
    private Mono<Void> takeStored(String key) {
        return mongo.findById(key, Organisation.class)
                .map(IndexEntry::of)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(current -> index.replace(key, current.orElse(null)))
                .doOnError(error -> log.warn("Could not read organisation {} after its delete event: {}", key,
                        error.toString()))
                .then();
    }

    @Override
    public void destroy() {
        follower.close();
    }
}
