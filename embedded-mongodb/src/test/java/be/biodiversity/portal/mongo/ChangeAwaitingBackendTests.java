package be.biodiversity.portal.mongo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change stream on the embedded server waits for changes instead of asking the server again and again: an idle
 * follower kept a core busy before (hundreds of getMore a second), and a change still arrives at once.
 */
class ChangeAwaitingBackendTests {

    private final ChangeAwaitingBackend backend = new ChangeAwaitingBackend(H2Backend.inMemory());

    private final MongoServer server = new MongoServer(this.backend);

    private MongoClient client;

    @AfterEach
    void stop() {
        if (this.client != null) {
            this.client.close();
        }
        this.server.shutdownNow();
    }

    @Test
    void anIdleChangeStreamIsAskedAFewTimesASecondAndAChangeArrivesAtOnce() {
        MongoCollection<Document> pages = start(4);

        long before = this.backend.getMoresAsked();
        long idleMillis = 1500;
        ChangeStreamDocument<Document> change = Flux.from(pages.watch())
                .mergeWith(Mono.delay(Duration.ofMillis(idleMillis))
                        .then(Mono.from(pages.insertOne(new Document("_id", "second")))).then(Mono.empty()))
                .next().block(Duration.ofSeconds(10));
        long asked = this.backend.getMoresAsked() - before;

        assertThat(change).isNotNull();
        assertThat(change.getDocumentKey().get("_id").asString().getValue()).isEqualTo("second");
        assertThat(asked).as("getMore asked while the stream waited %d ms for its first change", idleMillis)
                .isLessThan(300);
    }

    @Test
    void aConnectionAloneOnItsThreadWaitsUpToASecondAndAChangeStillArrivesAtOnce() {
        MongoCollection<Document> pages = start(EmbeddedMongoServers.WORKER_THREADS);

        long before = this.backend.getMoresAsked();
        long[] insertedAt = new long[1];
        ChangeStreamDocument<Document> change = Flux.from(pages.watch())
                .mergeWith(Mono.delay(Duration.ofMillis(2000))
                        .then(Mono.fromRunnable(() -> insertedAt[0] = System.nanoTime()))
                        .then(Mono.from(pages.insertOne(new Document("_id", "second")))).then(Mono.empty()))
                .next().block(Duration.ofSeconds(10));
        long arrivedAfterMillis = Duration.ofNanos(System.nanoTime() - insertedAt[0]).toMillis();
        long asked = this.backend.getMoresAsked() - before;

        assertThat(change.getDocumentKey().get("_id").asString().getValue()).isEqualTo("second");
        assertThat(asked).as("getMore asked in 2 s of waiting").isLessThan(10);
        assertThat(arrivedAfterMillis).as("the change arrived after its write").isLessThan(500);
    }

    @Test
    void aConnectionSharingTheThreadOfAWaitingStreamIsNotHeldUp() {
        MongoCollection<Document> pages = start(1);
        reactor.core.Disposable watching = Flux.from(pages.watch()).subscribe();
        try {
            Mono.delay(Duration.ofMillis(300)).block();
            long slowest = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                Mono.from(pages.countDocuments()).block(Duration.ofSeconds(10));
                slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
                Mono.delay(Duration.ofMillis(37)).block();
            }
            assertThat(slowest).as("the slowest of ten counts while a stream waits on the same thread")
                    .isLessThan(500);
        }
        finally {
            watching.dispose();
        }
    }

    /** Starts the server with this many worker threads, and a client; the collection holds one page. */
    private MongoCollection<Document> start(int workerThreads) {
        this.server.enableOplog();
        this.server.bind(new InetSocketAddress("127.0.0.1", 0), 1, workerThreads);
        this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort());
        MongoCollection<Document> pages = this.client.getDatabase("test").getCollection("pages");
        Mono.from(pages.insertOne(new Document("_id", "first"))).block(Duration.ofSeconds(10));
        return pages;
    }

    @Test
    void onlyAnEmptyBatchOnAnOpenCursorWaits() {
        assertThat(ChangeAwaitingBackend.emptyAndOpen(answer(List.of(), 42L))).isTrue();
        assertThat(ChangeAwaitingBackend.emptyAndOpen(answer(List.of(), 0L))).isFalse();
        assertThat(ChangeAwaitingBackend.emptyAndOpen(answer(List.of(new de.bwaldvogel.mongo.bson.Document()), 42L)))
                .isFalse();
        assertThat(ChangeAwaitingBackend.awaitMillis(new de.bwaldvogel.mongo.bson.Document("maxTimeMS", 10), false))
                .isEqualTo(10);
        assertThat(ChangeAwaitingBackend.awaitMillis(new de.bwaldvogel.mongo.bson.Document("maxTimeMS", 60_000), false))
                .isEqualTo(ChangeAwaitingBackend.MAX_AWAIT_MILLIS);
        assertThat(ChangeAwaitingBackend.awaitMillis(new de.bwaldvogel.mongo.bson.Document("maxTimeMS", 60_000), true))
                .isEqualTo(ChangeAwaitingBackend.MAX_AWAIT_ALONE_MILLIS);
        assertThat(ChangeAwaitingBackend.awaitMillis(new de.bwaldvogel.mongo.bson.Document(), true))
                .isEqualTo(ChangeAwaitingBackend.MAX_AWAIT_ALONE_MILLIS);
        assertThat(ChangeAwaitingBackend.awaitMillis(new de.bwaldvogel.mongo.bson.Document("maxTimeMS", 200), true))
                .isEqualTo(200);
    }

    private static de.bwaldvogel.mongo.bson.Document answer(List<?> batch, long id) {
        de.bwaldvogel.mongo.bson.Document cursor = new de.bwaldvogel.mongo.bson.Document("nextBatch", batch);
        cursor.put("id", id);
        return new de.bwaldvogel.mongo.bson.Document("cursor", cursor);
    }
}
