package be.biodiversity.portal.content.literature;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.BulkWrites;
import be.biodiversity.portal.search.ChangeFollower;

/**
 * Keeps this instance's {@link LiteratureIndex} in step with the writes of every instance (a sync or upload run by
 * another replica): follows the {@code literature} collection's change stream with the portal's shared
 * {@link ChangeFollower}, and loads the index in full when the application is ready.
 */
@Component
class LiteratureFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiteratureFollower.class);

    private final ChangeFollower follower;

    private final BulkWrites bulk;

    LiteratureFollower(ReactiveMongoTemplate mongo, LiteratureIndex index, BulkWrites bulk) {
        this.bulk = bulk;
        this.follower = new ChangeFollower(mongo, "literature", new ChangeFollower.Changes() {
            @Override
            public Mono<Void> upserted(Document document) {
                return Mono.fromRunnable(() -> index.put(mongo.getConverter().read(LiteratureRecord.class, document)));
            }

            @Override
            public Mono<Void> deleted(String id) {
                return Mono.fromRunnable(() -> index.remove(id));
            }

            @Override
            public Mono<Long> reload() {
                return index.reload();
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        follower.start().subscribe(loaded -> log.info("Literature search: {} records indexed", loaded),
                error -> log.warn("Literature search: the first load failed ({}); records are indexed as they change",
                        error.toString()));
        // while a site import writes, no literature changes are asked for (each ask scans the embedded oplog)
        bulk.running().subscribe(importing -> {
            if (importing) {
                follower.pause();
            }
            else {
                follower.resume();
            }
        });
    }

    /** Each change once the index holds it, for tests that wait for one. */
    Flux<ChangeFollower.Applied> applied() {
        return follower.applied();
    }

    @Override
    public void destroy() {
        follower.close();
    }
}
