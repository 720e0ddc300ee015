package be.biodiversity.portal.search;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.model.changestream.OperationType;
import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.data.mongodb.core.ChangeStreamEvent;
import org.springframework.data.mongodb.core.ChangeStreamOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Keeps one instance's in-memory index in step with the writes of every instance: follows the change stream of a
 * collection (a MongoDB replica set, or the embedded server with its oplog) and hands each insert, update, replace
 * and delete to the index's {@link Changes}, one at a time, in order. A write made through this instance is usually
 * in its index already; its event comes back and changes nothing when the index keeps versions.
 *
 * <p>Nothing is missed between the full load at start-up and the first event: the stream starts at the server's time
 * taken before the load (less a little skew), so a write made during the load arrives as an event too (twice is
 * harmless). After a failure the stream resumes after the last event it delivered, with a backoff; when the
 * collection is dropped or renamed (the stream is invalidated) the index is loaded again in full and the stream
 * starts anew. When the server no longer has the changes after the last event (error 286 {@code
 * ChangeStreamHistoryLost}: a real MongoDB's oplog rolled over, or the embedded server trimmed its bounded oplog while
 * this follower was behind or away) no change may be missed: the stream starts again at the server's time and the index
 * is loaded again in full, and an {@link Applied} with operation {@value #RELOADED} is emitted once it is. On a
 * standalone MongoDB without change streams the instance still works alone: one warning is logged and the stream is
 * retried.
 */
public final class ChangeFollower implements AutoCloseable {

    /** What the index does with each change. Each returns when the index holds the change. */
    public interface Changes {

        /** An inserted, updated or replaced document, as it is after the write. */
        Mono<Void> upserted(Document document);

        /** A deleted document's {@code _id}. */
        Mono<Void> deleted(String id);

        /** Loads the whole index again; emits how many documents it holds. */
        Mono<Long> reload();
    }

    /** One change as the index applied it: the operation ({@code insert}, {@code delete}, …) and the id. */
    public record Applied(String operation, String id) {
    }

    /** The operation of the {@link Applied} emitted when the index was loaded again because history was lost. */
    public static final String RELOADED = "reload";

    /** MongoDB's error code for a change stream that cannot resume: the oplog no longer has its position. */
    static final int HISTORY_LOST = 286;

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    private static final Duration SKEW = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Changes changes;
    private final AtomicReference<BsonValue> lastEvent = new AtomicReference<>();
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Sinks.Many<Applied> applied = Sinks.many().multicast().directBestEffort();
    private final AtomicInteger paused = new AtomicInteger();
    private volatile boolean started;
    private volatile Disposable following;

    public ChangeFollower(ReactiveMongoTemplate mongo, String collection, Changes changes) {
        this.mongo = mongo;
        this.collection = collection;
        this.changes = changes;
    }

    /** Starts following, then loads the index in full; emits what the load emits. */
    public Mono<Long> start() {
        return serverTime().flatMap(now -> {
            since.set(now.minus(SKEW));
            synchronized (this) {
                started = true;
                if (paused.get() == 0) {
                    follow();
                }
            }
            return changes.reload();
        });
    }

    /**
     * Stops asking for changes until {@link #resume}: while a bulk write (an import of thousands of documents) runs,
     * the index is brought up to date once it ends instead of one write after the other. Nothing is missed: the
     * stream is opened again after the last event the index holds, and when the server's oplog no longer has the
     * events after it (more writes than it keeps) the index is loaded again in full. Pauses nest; each needs its
     * resume.
     */
    public synchronized void pause() {
        if (paused.getAndIncrement() == 0) {
            Disposable current = following;
            following = null;
            if (current != null) {
                current.dispose();
            }
        }
    }

    /** Follows again, from where {@link #pause} stopped, once every pause has been resumed. */
    public synchronized void resume() {
        if (paused.get() > 0 && paused.decrementAndGet() == 0 && started) {
            follow();
        }
    }

    /** Whether the stream is open (started and not paused), for tests. */
    public boolean following() {
        Disposable current = following;
        return current != null && !current.isDisposed();
    }

    /** Every change once the index holds it (hot: only what happens after subscribing), for tests and metrics. */
    public Flux<Applied> applied() {
        return applied.asFlux();
    }

    private void follow() {
        following = Flux.defer(() -> mongo.changeStream(collection, options(), Document.class))
                .doOnNext(event -> recovered())
                .concatMap(this::apply)
                .onErrorResume(ChangeFollower::historyLost, lost -> reloadAfterLostHistory())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> failed(signal.failure())))
                // A stream that ends (invalidated) is opened again, from where the reload started.
                .repeatWhen(ends -> ends.delayElements(Duration.ofMillis(200)))
                .subscribe(done -> applied.tryEmitNext(done),
                        error -> log.error("Stopped following the change stream of '{}'", collection, error));
    }

    /**
     * The changes after the last event are gone: the stream starts again at the server's time taken before the index
     * is loaded again, so a write made during the load arrives as an event too.
     */
    private Mono<Applied> reloadAfterLostHistory() {
        return serverTime().flatMap(now -> {
            lastEvent.set(null);
            log.warn("The change stream of '{}' lost the changes after its last event (the oplog no longer has them);"
                    + " loading the index again", collection);
            // A stream starts at a whole second (an operation time has no finer unit): started in this second it
            // would ask again for this second's entries, which may be the very ones the server dropped, and
            // load the index a second time. So the load waits for the next second and the stream starts there.
            Instant next = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            since.set(next);
            return Mono.delay(Duration.between(now, next)).then(changes.reload());
        }).map(loaded -> {
            log.info("Index of '{}' loaded again after lost change-stream history: {}", collection, loaded);
            return new Applied(RELOADED, null);
        });
    }

    static boolean historyLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.mongodb.MongoServerException server && server.getCode() == HISTORY_LOST) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private ChangeStreamOptions options() {
        ChangeStreamOptions.ChangeStreamOptionsBuilder options = ChangeStreamOptions.builder()
                .returnFullDocumentOnUpdate();
        BsonValue resumeToken = lastEvent.get();
        return (resumeToken != null ? options.resumeAfter(resumeToken) : options.resumeAt(since.get())).build();
    }

    private Mono<Applied> apply(ChangeStreamEvent<Document> event) {
        var raw = event.getRaw();
        if (raw == null || raw.getOperationType() == null) {
            return Mono.empty();
        }
        String id = idOf(raw.getDocumentKey() == null ? null : raw.getDocumentKey().get("_id"),
                raw.getFullDocument());
        Applied done = new Applied(raw.getOperationType().getValue(), id);
        Mono<?> work = switch (raw.getOperationType()) {
            case INSERT, UPDATE, REPLACE -> raw.getFullDocument() == null ? Mono.empty()
                    : changes.upserted(raw.getFullDocument());
            case DELETE -> id == null ? Mono.empty() : changes.deleted(id);
            case DROP, DROP_DATABASE, RENAME, INVALIDATE -> {
                lastEvent.set(null);
                since.set(Instant.now().minus(SKEW));
                yield changes.reload().doOnNext(loaded -> log.info("Index of '{}' loaded again after '{}': {}",
                        collection, raw.getOperationType().getValue(), loaded));
            }
            default -> Mono.empty();
        };
        return work.onErrorResume(ex -> {
            log.warn("Could not apply a '{}' of '{}' {} to the search index: {}", done.operation(), collection, id,
                    ex.toString());
            return Mono.empty();
        }).then(Mono.fromSupplier(() -> {
            if (event.getResumeToken() != null && raw.getOperationType() != OperationType.INVALIDATE) {
                lastEvent.set(event.getResumeToken());
            }
            return done;
        }));
    }

    /** The changed document's id: from the event's document key, else (the embedded server) its full document. */
    private static String idOf(BsonValue id, Document document) {
        if (id == null) {
            Object own = document == null ? null : document.get("_id");
            return own instanceof org.bson.types.ObjectId objectId ? objectId.toHexString()
                    : own == null ? null : own.toString();
        }
        if (id.isString()) {
            return id.asString().getValue();
        }
        if (id.isObjectId()) {
            return id.asObjectId().getValue().toHexString();
        }
        return id.toString();
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Following the change stream of '{}' again", collection);
        }
    }

    private void failed(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            log.warn("The change stream of '{}' failed ({}); writes of other instances reach this one's search index"
                    + " once it is open again", collection, failure.toString());
        }
    }

    /** The MongoDB server's own clock, so that the application's clock being off does not skip events. */
    private Mono<Instant> serverTime() {
        return mongo.executeCommand(new Document("isMaster", 1))
                .map(answer -> answer.get("localTime") instanceof Date date ? date.toInstant() : Instant.now())
                .onErrorResume(ex -> Mono.just(Instant.now()));
    }

    @Override
    public void close() {
        Disposable current = following;
        if (current != null) {
            current.dispose();
        }
    }
}
