package be.biodiversity.portal.directory.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.ChangeStreamEvent;
import org.springframework.data.mongodb.core.ChangeStreamOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link SearchIndex} in step with the writes of every instance, so that directory-service
 * can run several replicas: it follows the change stream of the {@code organisations} collection (a MongoDB replica
 * set, or the embedded server with its oplog) and puts or removes each changed organisation. Writes made here are
 * already in the index; their events come back and change nothing, as the index keeps the later version.
 *
 * <p>Nothing is missed between the full load at start-up and the first event: the stream starts at the server's
 * time taken before the load, so a write made during the load arrives as an event too (twice is harmless). After
 * a failure the stream resumes after the last event it delivered.
 */
@Component
public class IndexFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    private static final Duration SKEW = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;
    private final SearchIndex index;
    private final OrganisationService organisations;
    private final AtomicReference<BsonValue> lastEvent = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Disposable following;

    IndexFollower(ReactiveMongoTemplate mongo, SearchIndex index, OrganisationService organisations) {
        this.mongo = mongo;
        this.index = index;
        this.organisations = organisations;
    }

    /** Starts following the change stream, then loads the index in full; emits the number of organisations loaded. */
    public Mono<Long> start() {
        return serverTime().flatMap(since -> {
            follow(since.minus(SKEW));
            return organisations.reindex();
        });
    }

    private void follow(Instant since) {
        following = Flux.defer(() -> mongo.changeStream("organisations", options(since), Document.class))
                .doOnNext(event -> failing.set(false))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> {
                            if (failing.compareAndSet(false, true)) {
                                log.warn("The organisations' change stream failed ({}); writes of other instances"
                                        + " reach this one's search index once it is open again",
                                        signal.failure().toString());
                            }
                        }))
                .subscribe(this::apply, error -> log.error("Stopped following the change stream", error));
    }

    private ChangeStreamOptions options(Instant since) {
        ChangeStreamOptions.ChangeStreamOptionsBuilder options = ChangeStreamOptions.builder()
                .returnFullDocumentOnUpdate();
        BsonValue resumeToken = lastEvent.get();
        return (resumeToken != null ? options.resumeAfter(resumeToken) : options.resumeAt(since)).build();
    }

    void apply(ChangeStreamEvent<Document> event) {
        if (event.getResumeToken() != null) {
            lastEvent.set(event.getResumeToken());
        }
        var raw = event.getRaw();
        if (raw == null || raw.getOperationType() == null) {
            return;
        }
        switch (raw.getOperationType()) {
            case INSERT, UPDATE, REPLACE -> {
                Document body = raw.getFullDocument();
                if (body != null) {
                    index.put(IndexEntry.of(mongo.getConverter().read(Organisation.class, body)));
                }
            }
            case DELETE -> {
                BsonValue id = raw.getDocumentKey() == null ? null : raw.getDocumentKey().get("_id");
                if (id != null) {
                    reload(id.isString() ? id.asString().getValue() : id.toString());
                }
            }
            case DROP, DROP_DATABASE, RENAME, INVALIDATE -> organisations.reindex().subscribe(
                    loaded -> log.info("Search index reloaded after '{}': {} organisations", raw.getOperationType(),
                            loaded));
            default -> {
            }
        }
    }

    /**
     * After a delete the key may already be taken again (deleted and created anew, the new one with a lower
     * version than the old one's late events): the index takes whatever MongoDB holds for the key now.
     */
    private void reload(String key) {
        mongo.findById(key, Organisation.class)
                .map(IndexEntry::of)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .subscribe(current -> index.replace(key, current.orElse(null)),
                        error -> log.warn("Could not read organisation {} after its delete event: {}", key,
                                error.toString()));
    }

    /** The MongoDB server's own clock, so that the application's clock being off does not skip events. */
    private Mono<Instant> serverTime() {
        return mongo.executeCommand(new Document("isMaster", 1))
                .map(answer -> answer.get("localTime") instanceof Date date ? date.toInstant() : Instant.now())
                .onErrorResume(ex -> Mono.just(Instant.now()));
    }

    @Override
    public void destroy() {
        Disposable current = following;
        if (current != null) {
            current.dispose();
        }
    }
}
