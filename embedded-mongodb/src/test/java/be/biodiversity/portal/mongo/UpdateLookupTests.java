package be.biodiversity.portal.mongo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change stream that asks for an update's whole document ({@code fullDocument: "updateLookup"}, what every
 * {@code ChangeFollower} asks) gets the document as it is now, found by its {@code _id}: the collection is never read
 * in full for it, however many documents it holds. The oplog here sees the server through a view that counts how the
 * collections are read.
 */
class UpdateLookupTests {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final List<Document> queries = new CopyOnWriteArrayList<>();
    private CountingBackend backend;

    @BeforeEach
    void start() {
        this.backend = new CountingBackend();
        this.backend.enableOplog();
        List<Document> pages = IntStream.range(0, 200)
                .mapToObj(i -> new Document("_id", "page-" + i).append("title", "Page " + i)).toList();
        command("insert", new Document("insert", "pages").append("documents", pages));
    }

    @AfterEach
    void close() {
        this.backend.close();
        this.channel.close();
    }

    @Test
    void anUpdatesEventCarriesTheDocumentAsItIsNowFoundByItsKey() {
        long stream = openStream(new Document("fullDocument", "updateLookup"));
        update("page-7", new Document("$set", new Document("title", "Edited")));
        update("page-8", new Document("title", "Replaced"));
        this.fullReads.set(0);
        this.queries.clear();

        List<Document> events = getMore(stream);

        assertThat(events).extracting(event -> event.get("operationType")).containsExactly("update", "update");
        assertThat(events).extracting(event -> event.get("fullDocument")).containsExactly(
                new Document("_id", "page-7").append("title", "Edited"),
                new Document("_id", "page-8").append("title", "Replaced"));
        assertThat(events).extracting(event -> event.get("documentKey"))
                .containsExactly(new Document("_id", "page-7"), new Document("_id", "page-8"));
        assertThat(this.fullReads).as("no collection read in full").hasValue(0);
        assertThat(this.queries).containsExactly(new Document("_id", "page-7"), new Document("_id", "page-8"));
    }

    @Test
    void aDocumentDeletedSinceItsUpdateHasNoneAndItsDeleteFollows() {
        long stream = openStream(new Document("fullDocument", "updateLookup"));
        update("page-3", new Document("$set", new Document("title", "Gone")));
        command("delete", new Document("delete", "pages").append("deletes", List.of(new Document("q",
                new Document("_id", "page-3")).append("limit", 1))));

        List<Document> events = getMore(stream);

        assertThat(events).extracting(event -> event.get("operationType")).containsExactly("update", "delete");
        assertThat(events.get(0)).containsEntry("fullDocument", null);
        assertThat(events.get(1).get("documentKey")).isEqualTo(new Document("_id", "page-3"));
    }

    @Test
    void aStreamThatDoesNotAskGetsTheUpdatesOwnFieldsAndItsKey() {
        long stream = openStream(new Document());
        update("page-5", new Document("$set", new Document("title", "Set")));
        this.queries.clear();

        assertThat(getMore(stream)).singleElement().satisfies(event -> {
            assertThat(event.get("fullDocument")).isEqualTo(new Document("title", "Set"));
            assertThat(event.get("documentKey")).isEqualTo(new Document("_id", "page-5"));
        });
        assertThat(this.queries).isEmpty();
    }

    private long openStream(Document changeStream) {
        Document answer = command("aggregate", new Document("aggregate", "pages")
                .append("pipeline", List.of(new Document("$changeStream", changeStream)))
                .append("cursor", new Document()));
        return ((Number) ((Document) answer.get("cursor")).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Document> getMore(long cursor) {
        Document answer = command("getMore", new Document("getMore", cursor).append("collection", "pages"));
        return (List<Document>) ((Document) answer.get("cursor")).get("nextBatch");
    }

    /** Updates (or, without operators, replaces) the page with this id. */
    private void update(String id, Document update) {
        command("update", new Document("update", "pages").append("updates",
                List.of(new Document("q", new Document("_id", id)).append("u", update))));
    }

    private Document command(String name, Document command) {
        return this.backend.handleCommand(this.channel, "test", name, command);
    }

    /** The server, with an oplog that reaches the collections through {@link #counting}. */
    private final class CountingBackend extends BoundedOplogH2Backend {

        CountingBackend() {
            super(MVStore.open(null), OplogLimits.DEFAULT);
        }

        @Override
        protected Oplog createOplog() {
            return new BoundedOplog(counting(MongoBackend.class, this), getCursorRegistry(), OplogLimits.DEFAULT);
        }
    }

    /** {@code target} as {@code type}, counting full reads of its collections and recording their queries. */
    private <T> T counting(Class<T> type, Object target) {
        ClassLoader loader = getClass().getClassLoader();
        Object view = Proxy.newProxyInstance(loader, new Class<?>[] {type}, (self, method, args) -> {
            String name = method.getName();
            if (name.startsWith("queryAll")) {
                this.fullReads.incrementAndGet();
            }
            if (name.equals("handleQuery") && args != null && args[0] instanceof QueryParameters query) {
                this.queries.add(query.getQuerySelector());
            }
            Object result;
            try {
                result = method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
            if (name.equals("resolveDatabase")) {
                return counting(MongoDatabase.class, result);
            }
            if (name.equals("resolveCollection") && result != null) {
                return counting(MongoCollection.class, result);
            }
            return result;
        });
        return type.cast(view);
    }
}
