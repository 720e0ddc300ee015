package be.biodiversity.portal.content.revision;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A number that grows by one on every write to the site's content, kept in MongoDB (one document, read by id)
 * so that every instance of the service and every reader sees the same value. A reader that cached something
 * at revision n knows it is stale when the revision is no longer n. Every package that writes calls
 * {@link #bump()} after its write succeeded.
 */
@Component
public class SiteRevision {

    static final String COLLECTION = "siteRevision";
    private static final String ID = "site";

    private final ReactiveMongoTemplate mongo;

    SiteRevision(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts one more write and answers the new revision. */
    public Mono<State> bump() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)),
                new Update().inc("revision", 1L).set("changedAt", Instant.now()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), State.class, COLLECTION);
    }

    /** The current revision; 0 before the first write. */
    public Mono<State> current() {
        return mongo.findById(ID, State.class, COLLECTION).defaultIfEmpty(new State(0, null));
    }

    /** @param changedAt when the last write happened; null before the first */
    public record State(long revision, Instant changedAt) {
    }
}
