package be.biodiversity.portal.search;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import be.biodiversity.portal.mongo.EmbeddedMongoServers;
import be.biodiversity.portal.mongo.OplogLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the server no longer has the changes a follower has not read (its oplog dropped them: here an embedded server
 * that keeps two entries), the follower loads its index again in full instead of missing them, and then follows on.
 */
class ChangeFollowerHistoryLostTests {

    MongoServer server;
    MongoClient ours;
    MongoClient theirs;
    ReactiveMongoTemplate other;
    final Set<String> index = ConcurrentHashMap.newKeySet();
    ChangeFollower follower;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServers.start(EmbeddedMongoServers.inMemoryBackend(new OplogLimits(2, 1L << 30, Duration.ofDays(1))), true,
                new InetSocketAddress("127.0.0.1", 0));
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        ours = MongoClients.create(uri);
        theirs = MongoClients.create(uri);
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(ours, "follower");
        other = new ReactiveMongoTemplate(theirs, "follower");
        other.insert(new Document("_id", "before"), "docs").block();
        follower = new ChangeFollower(mongo, "docs", new ChangeFollower.Changes() {
            @Override
            public Mono<Void> upserted(Document document) {
                return Mono.fromRunnable(() -> index.add(document.getString("_id")));
            }

            @Override
            public Mono<Void> deleted(String id) {
                return Mono.fromRunnable(() -> index.remove(id));
            }

            @Override
            public Mono<Long> reload() {
                return Mono.fromRunnable(index::clear).then(mongo.findAll(Document.class, "docs")
                        .doOnNext(d -> index.add(d.getString("_id"))).count());
            }
        });
        StepVerifier.create(follower.start()).expectNext(1L).expectComplete().verify(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        follower.close();
        ours.close();
        theirs.close();
        server.shutdownNow();
    }

    @Test
    void changesTheOplogDroppedBeforeTheFollowerReadThemAreLoadedAgainNotMissed() {
        List<Document> five = IntStream.range(1, 6).mapToObj(i -> new Document("_id", "w" + i)).toList();

        // One write of five documents: the oplog keeps the last two, before the follower can read any.
        StepVerifier.create(follower.applied().filter(a -> ChangeFollower.RELOADED.equals(a.operation())).next())
                .then(() -> other.insert(five, "docs").collectList().block())
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(index).containsExactlyInAnyOrder("before", "w1", "w2", "w3", "w4", "w5");

        // And a later write reaches the index too: as an event, or (the oplog of two may have dropped it again while
        // the follower was loading) by one more full load.
        StepVerifier.create(follower.applied()
                        .filter(a -> "after".equals(a.id()) || ChangeFollower.RELOADED.equals(a.operation())).next())
                .then(() -> other.insert(new Document("_id", "after"), "docs").block())
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(index).contains("after");
    }

    @Test
    void oneBurstTheOplogCannotHoldCostsOneReloadNotTwo() {
        List<Document> five = IntStream.range(1, 6).mapToObj(i -> new Document("_id", "b" + i)).toList();
        java.util.concurrent.atomic.AtomicInteger reloads = new java.util.concurrent.atomic.AtomicInteger();
        reactor.core.Disposable counting = follower.applied()
                .filter(a -> ChangeFollower.RELOADED.equals(a.operation())).subscribe(a -> reloads.incrementAndGet());
        try {
            other.insert(five, "docs").collectList().block();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reloads.get() >= 1);
            // the stream opened after the reload must not ask for the dropped entries of the same second again
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> reloads.get() == 1);
            assertThat(index).contains("b1", "b5");
        }
        finally {
            counting.dispose();
        }
    }

    @Test
    void onlyChangeStreamHistoryLostCountsAsLostHistory() {
        ServerAddress address = new ServerAddress();
        assertThat(ChangeFollower.historyLost(new RuntimeException("wrapped",
                new MongoCommandException(BsonDocument.parse("{ok: 0, code: 286, errmsg: 'gone'}"), address))))
                .isTrue();
        assertThat(ChangeFollower.historyLost(
                new MongoCommandException(BsonDocument.parse("{ok: 0, code: 43, errmsg: 'no cursor'}"), address)))
                .isFalse();
        assertThat(ChangeFollower.historyLost(new IllegalStateException("other"))).isFalse();
    }
}
