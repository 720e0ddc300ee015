package be.biodiversity.portal.mongo;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store keeps documents as BSON, reads a store written in H2's default format (Java serialization)
 * and rewrites its documents as BSON when they are written again. Driven through the backend's commands.
 */
class DocumentTypeTests {

    private final PagesCommands store = new PagesCommands();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyKindOfValueComesBackAsItWasStoredAfterARestart() {
        Path file = this.dir.resolve("mongodb.mv");
        store.backend = EmbeddedMongoServers.fileBackend(file, OplogLimits.DEFAULT);
        Document page = new Document("_id", "en /about").append("title", "Über «GBIF» — 生物多样性 🦋")
                .append("version", 3L).append("order", 7).append("weight", 2.5).append("published", true)
                .append("summary", null).append("date", Instant.parse("2026-12-03T10:15:30.123Z"))
                .append("objectId", new ObjectId())
                .append("uuid", UUID.fromString("0c4a6d61-34c4-4d9c-9c0b-b1e4b2b0a001"))
                .append("tags", List.of("a", "b", List.of(1, 2L)))
                .append("toc", List.of(new Document("id", "h1").append("text", "Heading").append("depth", 2)))
                .append("body", "x".repeat(300_000));
        store.insert(page);
        store.backend.close();
        assertThat(tags(file)).containsExactly(java.util.Map.entry("en /about", DocumentType.BSON));

        store.backend = EmbeddedMongoServers.fileBackend(file, OplogLimits.DEFAULT);
        assertThat(store.find(new Document("_id", "en /about"))).containsExactly(page);
    }

    @Test
    void aStoreWrittenBeforeIsReadAndItsDocumentsBecomeBsonWhenWrittenAgain() {
        Path file = this.dir.resolve("mongodb.mv");
        store.backend = new H2Backend(MVStore.open(file.toString()));
        store.insert(new Document("_id", "a").append("title", "About"),
                new Document("_id", "b").append("title", "News"));
        store.backend.close();
        assertThat(tags(file)).as("H2's default: a serialized object").containsOnlyKeys("a", "b")
                .containsValues((byte) 19).doesNotContainValue(DocumentType.BSON);

        store.backend = EmbeddedMongoServers.fileBackend(file, OplogLimits.DEFAULT);
        assertThat(store.find(new Document())).extracting(d -> d.get("title")).containsExactly("About", "News");
        store.command("update", new Document("update", "pages").append("updates", List.of(new Document("q",
                new Document("_id", "b")).append("u", new Document("$set", new Document("title", "Posts"))))));
        store.insert(new Document("_id", "c").append("title", "Contact"));
        store.backend.close();
        // what was written since is BSON; what was not keeps the form it had, and both are read
        assertThat(tags(file)).containsEntry("b", DocumentType.BSON).containsEntry("c", DocumentType.BSON);

        store.backend = EmbeddedMongoServers.fileBackend(file, OplogLimits.DEFAULT);
        assertThat(store.find(new Document())).extracting(d -> d.get("title"))
                .containsExactly("About", "Posts", "Contact");
    }

    @Test
    void aValueBsonHasNoEncodingForIsKeptInH2sOwnFormat() {
        MVStore store = MVStore.open(null);
        MVMap<String, Object> map = store.openMap("documents", new MVMap.Builder<String, Object>()
                .valueType(new DocumentType()));
        Document odd = new Document("_id", "x").append("point", new Point(3, 4));
        map.put("x", odd);
        map.put("y", new Document("_id", "y"));
        store.commit();
        WriteBuffer buffer = new WriteBuffer();
        new DocumentType().write(buffer, odd);
        ByteBuffer written = buffer.getBuffer().flip();
        assertThat(written.get(0)).isEqualTo((byte) 19);
        assertThat(new DocumentType().read(written)).isEqualTo(odd);
        store.close();
    }

    @Test
    void aDocumentsSizeIsEstimatedFromItsTextWithoutSerializingIt() {
        DocumentType type = new DocumentType();
        int small = type.getMemory(new Document("_id", "a"));
        int large = type.getMemory(new Document("_id", "a").append("body", "x".repeat(10_000)));
        assertThat(large - small).isBetween(10_000, 40_000);
        assertThat(type.getMemory(new Document("list", List.of(new Document("a", "y".repeat(5_000))))))
                .isGreaterThan(5_000);
    }

    /** The tag of every document stored in test.pages, read from the file as it is. */
    private static java.util.Map<Object, Byte> tags(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<Object, Byte> raw = store.openMap("databases.test.pages", new MVMap.Builder<Object, Byte>()
                    .valueType(new TagOnly()));
            return new java.util.TreeMap<>(raw);
        }
        finally {
            store.close();
        }
    }



    record Point(int x, int y) implements Serializable {
    }

    /** Reads a stored value's tag and skips the rest. */
    private static final class TagOnly extends BasicDataType<Byte> {

        private final DocumentType documents = new DocumentType();

        @Override
        public int getMemory(Byte tag) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, Byte tag) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public Byte read(ByteBuffer buffer) {
            byte tag = buffer.get(buffer.position());
            documents.read(buffer);
            return tag;
        }

        @Override
        public Byte[] createStorage(int size) {
            return new Byte[size];
        }
    }
}
