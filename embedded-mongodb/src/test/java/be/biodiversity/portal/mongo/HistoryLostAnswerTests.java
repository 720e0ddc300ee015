package be.biodiversity.portal.mongo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.stream.IntStream;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change stream resumed after the bounded oplog dropped its history is told so through the wire, as MongoDB tells
 * it (error 286, ChangeStreamHistoryLost), and the server does not log that expected answer as an error with a stack
 * trace: after every large import each follower's stream ends this way, and the follower logs it once as a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class HistoryLostAnswerTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MongoServer server = EmbeddedMongoServers.start(
            EmbeddedMongoServers.inMemoryBackend(new OplogLimits(2, 1L << 30, Duration.ofDays(1))), true,
            new InetSocketAddress("127.0.0.1", 0));

    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort());

    @AfterEach
    void stop() {
        this.client.close();
        this.server.shutdownNow();
    }

    @Test
    void aStreamResumedPastTheOplogGetsError286AndTheServerLogsNoError(CapturedOutput output) {
        MongoCollection<Document> pages = this.client.getDatabase("test").getCollection("pages");
        ChangeStreamDocument<Document> first = Flux.from(pages.watch())
                .mergeWith(Mono.delay(Duration.ofMillis(200))
                        .then(Mono.from(pages.insertOne(new Document("_id", "first")))).then(Mono.empty()))
                .next().block(WAIT);
        BsonDocument token = first.getResumeToken();
        IntStream.range(0, 5).forEach(i -> Mono.from(pages.insertOne(new Document("_id", "later-" + i))).block(WAIT));

        assertThatThrownBy(() -> Flux.from(pages.watch().resumeAfter(token)).next().block(WAIT))
                .isInstanceOfSatisfying(MongoCommandException.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(286);
                    assertThat(error.getErrorCodeName()).isEqualTo("ChangeStreamHistoryLost");
                });
        assertThat(output).doesNotContain("failed to handle").doesNotContain("ERROR");
    }
}
