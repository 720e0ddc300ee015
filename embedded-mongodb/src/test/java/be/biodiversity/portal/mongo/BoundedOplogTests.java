package be.biodiversity.portal.mongo;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server's oplog keeps what its change streams still need and no more, and a stream that needed what
 * was dropped is told so (error 286) instead of silently missing changes. Driven through the backend's commands, as
 * the wire protocol hands them over.
 */
class BoundedOplogTests {

    private static final Duration A_DAY = Duration.ofDays(1);

    private final EmbeddedChannel channel = new EmbeddedChannel();

    private BoundedOplogH2Backend backend;

    @AfterEach
    void close() {
        this.backend.close();
        this.channel.close();
    }

    @Test
    void entriesEveryOpenStreamHasReadAreDropped() {
        start(1000, Duration.ZERO);
        long stream = openStream(new Document());
        insert(3);
        assertThat(this.backend.oplogEntries()).as("nobody has read them yet").isEqualTo(3);

        assertThat(getMore(stream)).hasSize(3);
        assertThat(this.backend.oplogEntries()).as("every open stream has read them").isZero();
    }

    @Test
    void entriesAStreamHasNotReadAreKeptWithinTheLimit() {
        start(1000, Duration.ZERO);
        long reader = openStream(new Document());
        long laggard = openStream(new Document());
        insert(3);

        assertThat(getMore(reader)).hasSize(3);
        assertThat(this.backend.oplogEntries()).as("one stream has not read them").isEqualTo(3);
        assertThat(getMore(laggard)).hasSize(3);
        assertThat(this.backend.oplogEntries()).isZero();
    }

    @Test
    void readEntriesAreKeptForTheRetentionTimeForAStreamThatResumes() {
        start(1000, A_DAY);
        long stream = openStream(new Document());
        insert(3);
        List<Document> events = getMore(stream);
        assertThat(events).hasSize(3);
        assertThat(this.backend.oplogEntries()).isEqualTo(3);

        // A follower that failed after the first event resumes from its token and gets the other two.
        assertThat(firstBatch(new Document("resumeAfter", events.get(0).get("_id")))).hasSize(2);
    }

    @Test
    void aStreamLeftBehindTheLimitIsToldItLostHistory() {
        start(2, A_DAY);
        long stream = openStream(new Document());
        insert(5);
        assertThat(this.backend.oplogEntries()).as("at most the limit, whatever the streams need").isEqualTo(2);

        assertThatThrownBy(() -> getMore(stream)).isInstanceOfSatisfying(MongoServerError.class,
                error -> assertThat(error.getCode()).isEqualTo(286));
    }

    @Test
    void heavyEntriesAreDroppedPastTheWeightLimit() {
        this.backend = (BoundedOplogH2Backend) EmbeddedMongoServers.inMemoryBackend(new OplogLimits(1000, 10_000, A_DAY));
        this.backend.enableOplog();
        long stream = openStream(new Document());
        for (int i = 0; i < 3; i++) {
            this.backend.handleCommand(this.channel, "test", "insert", new Document("insert", "chunks")
                    .append("documents", List.of(new Document("_id", "chunk" + i).append("data", "x".repeat(6_000)))));
        }

        assertThat(this.backend.oplogEntries()).as("two chunks weigh more than the limit").isEqualTo(1);
        assertThat(this.backend.oplogBytes()).isBetween(6_000L, 10_000L);
        assertThatThrownBy(() -> getMore(stream)).isInstanceOfSatisfying(MongoServerError.class,
                error -> assertThat(error.getCode()).isEqualTo(286));
    }

    @Test
    void readEntriesPastTheRetentionWeightGoAtOnceWhileUnreadOnesStay() {
        this.backend = (BoundedOplogH2Backend) EmbeddedMongoServers.inMemoryBackend(
                new OplogLimits(1000, 1L << 30, A_DAY, 10_000));
        this.backend.enableOplog();
        long stream = openStream(new Document());
        for (int i = 0; i < 3; i++) {
            insertText("read" + i, 6_000);
        }
        assertThat(this.backend.oplogEntries()).as("not read yet: kept beyond the retention weight").isEqualTo(3);

        List<Document> events = getMore(stream);
        assertThat(events).hasSize(3);
        assertThat(this.backend.oplogEntries()).as("read by every stream: kept within the weight only").isEqualTo(1);
        assertThat(this.backend.oplogBytes()).isBetween(6_000L, 10_000L);
        // The newest survives: a follower resuming from the event before it still gets it.
        assertThat(firstBatch(new Document("resumeAfter", events.get(1).get("_id")))).singleElement()
                .satisfies(event -> assertThat(event.get("documentKey")).isEqualTo(new Document("_id", "read2")));
        assertThatThrownBy(() -> openStream(new Document("resumeAfter", events.get(0).get("_id"))))
                .isInstanceOfSatisfying(MongoServerError.class, error -> assertThat(error.getCode()).isEqualTo(286));
    }

    @Test
    void resumingFromATokenOlderThanTheOplogIsToldItLostHistoryAndFromNowWorks() {
        start(2, A_DAY);
        long stream = openStream(new Document());
        insert(1);
        Object token = getMore(stream).get(0).get("_id");
        insert(5);

        assertThatThrownBy(() -> openStream(new Document("resumeAfter", token)))
                .isInstanceOfSatisfying(MongoServerError.class, error -> assertThat(error.getCode()).isEqualTo(286));

        long fresh = openStream(new Document());
        this.backend.handleCommand(this.channel, "test", "insert", new Document("insert", "pages")
                .append("documents", List.of(new Document("_id", "next"))));
        assertThat(getMore(fresh)).singleElement()
                .satisfies(event -> assertThat(event.get("documentKey")).isEqualTo(new Document("_id", "next")));
    }

    private void start(int maxEntries, Duration retain) {
        this.backend = (BoundedOplogH2Backend) EmbeddedMongoServers.inMemoryBackend(new OplogLimits(maxEntries, 1L << 30, retain));
        this.backend.enableOplog();
    }

    private long openStream(Document changeStream) {
        Document answer = this.backend.handleCommand(this.channel, "test", "aggregate", new Document("aggregate", "pages")
                .append("pipeline", List.of(new Document("$changeStream", changeStream)))
                .append("cursor", new Document()));
        return ((Number) ((Document) answer.get("cursor")).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Document> firstBatch(Document changeStream) {
        Document answer = this.backend.handleCommand(this.channel, "test", "aggregate", new Document("aggregate", "pages")
                .append("pipeline", List.of(new Document("$changeStream", changeStream)))
                .append("cursor", new Document()));
        return (List<Document>) ((Document) answer.get("cursor")).get("firstBatch");
    }

    private void insertText(String id, int length) {
        this.backend.handleCommand(this.channel, "test", "insert", new Document("insert", "pages")
                .append("documents", List.of(new Document("_id", id).append("body", "x".repeat(length)))));
    }

    private void insert(int count) {
        List<Document> documents = IntStream.range(0, count)
                .mapToObj(i -> new Document("_id", "doc" + System.nanoTime() + "-" + i)).toList();
        this.backend.handleCommand(this.channel, "test", "insert",
                new Document("insert", "pages").append("documents", documents));
    }

    @SuppressWarnings("unchecked")
    private List<Document> getMore(long cursor) {
        Document answer = this.backend.handleCommand(this.channel, "test", "getMore",
                new Document("getMore", cursor).append("collection", "pages"));
        return (List<Document>) ((Document) answer.get("cursor")).get("nextBatch");
    }
}
