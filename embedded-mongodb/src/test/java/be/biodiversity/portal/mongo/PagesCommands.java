package be.biodiversity.portal.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;

/** Commands on {@code test.pages} sent to a backend of the embedded store, as the wire protocol hands them over. */
final class PagesCommands implements AutoCloseable {

    private final EmbeddedChannel channel = new EmbeddedChannel();

    /** The backend the commands go to; a test opens (and reopens) it. */
    H2Backend backend;

    Document insert(Document... documents) {
        return command("insert", new Document("insert", "pages").append("documents", List.of(documents)));
    }

    @SuppressWarnings("unchecked")
    List<Document> find(Document filter) {
        Document answer = command("find", new Document("find", "pages").append("filter", filter));
        return (List<Document>) ((Document) answer.get("cursor")).get("firstBatch");
    }

    Document command(String name, Document command) {
        return this.backend.handleCommand(this.channel, "test", name, command);
    }

    @Override
    public void close() {
        if (this.backend != null) {
            this.backend.close();
        }
        this.channel.close();
    }
}
