package be.biodiversity.portal.mongo;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Run as its own process by {@link KillNineTests}: writes documents one by one through the embedded server,
 * each acknowledged, says how many, then waits to be killed.
 */
public final class WriteAndWait {

    private WriteAndWait() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path store = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        boolean commitOnWrite = Boolean.parseBoolean(args[2]);
        MongoServer server = new MongoServer(EmbeddedMongoAutoConfiguration.fileBackend(store, commitOnWrite));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            var collection = client.getDatabase("test").getCollection("writes");
            for (int i = 0; i < count; i++) {
                Mono.from(collection.insertOne(new Document("n", i))).block(Duration.ofSeconds(10));
            }
            System.out.println("ACKNOWLEDGED " + count);
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
