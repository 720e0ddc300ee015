package be.biodiversity.portal.mongo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** A process killed with SIGKILL right after its writes were acknowledged loses none of them. */
class KillNineTests {

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        Path store = dir.resolve("mongodb.mv");
        int written = 200;
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteAndWait.class.getName(), store.toString(),
                String.valueOf(written), "true").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            }
            while (line != null && !line.startsWith("ACKNOWLEDGED"));
            assertThat(line).as("the writer acknowledged its writes").isEqualTo("ACKNOWLEDGED " + written);
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        MongoServer reopened = new MongoServer(EmbeddedMongoServers.fileBackend(store, OplogLimits.DEFAULT));
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            Long stored = Mono.from(client.getDatabase("test").getCollection("writes").countDocuments())
                    .block(Duration.ofSeconds(10));
            assertThat(stored).isEqualTo(written);
        }
        finally {
            reopened.shutdownNow();
        }
    }
}
