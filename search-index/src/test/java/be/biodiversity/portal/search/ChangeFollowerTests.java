package be.biodiversity.portal.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import be.biodiversity.portal.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write made by another client (another instance of a service) reaches this instance's index through the change
 * stream; each step waits for the follower's signal that the change is applied, never for a time.
 */
class ChangeFollowerTests {

    record Doc(String key, long version, String text) implements PrefixIndex.Entry {

        @Override
        public void words(Consumer<String> sink) {
            Folding.words(text).forEach(sink);
        }

        static Doc of(Document d) {
            return new Doc(d.getString("_id"), ((Number) d.get("version")).longValue(), d.getString("text"));
        }
    }

    final String collection = "docs" + System.nanoTime();
    MongoClient ours;
    MongoClient theirs;
    ReactiveMongoTemplate mongo;
    ReactiveMongoTemplate other;
    PrefixIndex<Doc> index = new PrefixIndex<>();
    ChangeFollower follower;

    @BeforeEach
    void start() {
        ours = MongoClients.create(TestMongo.uri());
        theirs = MongoClients.create(TestMongo.uri());
        mongo = new ReactiveMongoTemplate(ours, "follower");
        other = new ReactiveMongoTemplate(theirs, "follower");
        other.insert(new Document("_id", "before").append("version", 0).append("text", "loaded at start"), collection)
                .block();
        follower = new ChangeFollower(mongo, collection, new ChangeFollower.Changes() {
            @Override
            public Mono<Void> upserted(Document document) {
                return Mono.fromRunnable(() -> index.put(Doc.of(document)));
            }

            @Override
            public Mono<Void> deleted(String id) {
                return Mono.fromRunnable(() -> index.remove(id));
            }

            @Override
            public Mono<Long> reload() {
                return Mono.fromRunnable(index::clear).then(mongo.findAll(Document.class, collection)
                        .doOnNext(d -> index.put(Doc.of(d))).count());
            }
        });
        StepVerifier.create(follower.start()).expectNext(1L).expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        follower.close();
        ours.close();
        theirs.close();
    }

    @Test
    void anotherClientsInsertUpdateAndDeleteReachTheIndex() {
        assertThat(keys("loaded")).containsExactly("before");

        StepVerifier.create(follower.applied().filter(a -> "w1".equals(a.id())).next())
                .then(() -> other.insert(new Document("_id", "w1").append("version", 0).append("text", "Écologie"),
                        collection).block())
                .expectNextMatches(a -> a.operation().equals("insert"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(keys("ecolog")).containsExactly("w1");

        StepVerifier.create(follower.applied().filter(a -> "w1".equals(a.id())).next())
                .then(() -> other.updateFirst(Query.query(Criteria.where("_id").is("w1")),
                        new Update().set("text", "Biologie").inc("version", 1), collection).block())
                .expectNextMatches(a -> a.operation().equals("update"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(keys("ecolog")).isEmpty();
        assertThat(keys("biolog")).containsExactly("w1");

        StepVerifier.create(follower.applied().filter(a -> "w1".equals(a.id())).next())
                .then(() -> other.remove(Query.query(Criteria.where("_id").is("w1")), collection).block())
                .expectNextMatches(a -> a.operation().equals("delete"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(keys("biolog")).isEmpty();
    }

    @Test
    void writesMadeWhilePausedReachTheIndexOnResumeWithoutAReload() {
        StepVerifier.create(follower.applied().filter(a -> "w0".equals(a.id())).next())
                .then(() -> other.insert(new Document("_id", "w0").append("version", 0).append("text", "first"),
                        collection).block())
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        follower.pause();
        follower.pause();
        assertThat(follower.following()).isFalse();
        for (int i = 1; i <= 3; i++) {
            other.insert(new Document("_id", "p" + i).append("version", 0).append("text", "paused " + i), collection)
                    .block();
        }
        follower.resume();
        assertThat(follower.following()).as("a pause needs its own resume").isFalse();
        assertThat(keys("paused")).isEmpty();

        StepVerifier.create(follower.applied().filter(a -> "p3".equals(a.id())).next())
                .then(follower::resume)
                .expectNextMatches(a -> a.operation().equals("insert"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(follower.following()).isTrue();
        assertThat(keys("paused")).containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(keys("loaded")).as("no reload: the index was not emptied and filled again").containsExactly("before");
    }

    private List<String> keys(String query) {
        return index.read(view -> {
            BitSet hits = view.matchingAll(Folding.words(query));
            List<String> keys = new ArrayList<>();
            hits.stream().forEach(id -> keys.add(view.entry(id).key()));
            return keys;
        });
    }
}
