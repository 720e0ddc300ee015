package be.biodiversity.portal.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unique indexes of the embedded store order their keys by value (a B-tree search no longer serializes every key
 * it compares) and still refuse a duplicate; a store written before gets its indexes rebuilt from its documents.
 * Driven through the backend's commands, as the wire protocol hands them over.
 */
class KeyOrderedUniqueIndexTests {

    private final PagesCommands store = new PagesCommands();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTreeOfAUniqueIndexIsOrderedByTheValuesOfItsKeys() {
        store.backend = EmbeddedMongoServers.inMemoryBackend();
        createUniqueIndex();
        store.insert(page("b", "en", "/zebra"), page("a", "nl", "/about"), page("c", "en", "/10"),
                page("d", "en", "/9"));

        MVMap<KeyValue, Object> tree = store.backend.getMvStore().openMap("test.pages._keyindex_lang_permalink");
        List<KeyValue> keys = new ArrayList<>(tree.keySet());
        assertThat(keys).containsExactly(new KeyValue("en", "/10"), new KeyValue("en", "/9"),
                new KeyValue("en", "/zebra"), new KeyValue("nl", "/about"));
        assertThat(store.backend.getMvStore().hasMap("test.pages._keyindex__id_")).as("the _id index too").isTrue();
    }

    @Test
    void aDuplicateKeyIsStillRefusedOnInsertAndOnUpdate() {
        store.backend = EmbeddedMongoServers.inMemoryBackend();
        createUniqueIndex();
        store.insert(page("a", "en", "/about"), page("b", "en", "/news"));

        Document duplicate = store.insert(page("c", "en", "/about"));
        assertThat(errorCode(duplicate, "writeErrors")).isEqualTo(11000);
        Document moved = store.command("update", new Document("update", "pages").append("updates", List.of(
                new Document("q", new Document("_id", "b"))
                        .append("u", new Document("$set", new Document("permalink", "/about"))))));
        assertThat(errorCode(moved, "writeErrors")).isEqualTo(11000);
        assertThat(errorCode(store.insert(page("a", "fr", "/a-propos")), "writeErrors")).as("the same _id")
                .isEqualTo(11000);
        assertThat(store.find(new Document("lang", "en").append("permalink", "/about"))).extracting(d -> d.get("_id"))
                .containsExactly("a");
        assertThat(store.find(new Document("lang", "fr"))).isEmpty();
    }

    @Test
    void aStoreWrittenBeforeGetsItsUniqueIndexesRebuiltFromItsDocuments() {
        Path file = this.dir.resolve("mongodb.mv");
        store.backend = new H2Backend(MVStore.open(file.toString()));
        createUniqueIndex();
        store.insert(page("a", "en", "/about"), page("b", "nl", "/over"));
        assertThat(store.backend.getMvStore().hasMap("test.pages._index_lang_permalink")).isTrue();
        store.backend.close();

        store.backend = EmbeddedMongoServers.fileBackend(file, OplogLimits.DEFAULT);
        assertThat(store.backend.getMvStore().hasMap("test.pages._index_lang_permalink")).as("the old tree").isFalse();
        assertThat(store.backend.getMvStore().openMap("test.pages._keyindex_lang_permalink").sizeAsLong()).isEqualTo(2);
        assertThat(errorCode(store.insert(page("c", "nl", "/over")), "writeErrors")).isEqualTo(11000);
        assertThat(store.find(new Document("_id", "b"))).extracting(d -> d.get("permalink")).containsExactly("/over");
    }

    @Test
    void droppingAnIndexRemovesItsTree() {
        store.backend = EmbeddedMongoServers.inMemoryBackend();
        createUniqueIndex();
        store.insert(page("a", "en", "/about"));

        store.command("dropIndexes", new Document("dropIndexes", "pages").append("index", "lang_permalink"));

        assertThat(store.backend.getMvStore().hasMap("test.pages._keyindex_lang_permalink")).isFalse();
        assertThat(errorCode(store.insert(page("b", "en", "/about")), "writeErrors")).as("no longer unique").isNull();
    }

    @Test
    void keysCompareAsOneTotalOrderThatOnlyEqualKeysShare() {
        UniqueKeyType type = new UniqueKeyType();
        List<KeyValue> keys = List.of(new KeyValue("en", "/a"), new KeyValue("en", "/b"), new KeyValue("nl", "/a"),
                new KeyValue(1), new KeyValue(1L), new KeyValue(2.5), new KeyValue((Object) null),
                new KeyValue(new Document("a", 1).append("b", 2)), new KeyValue(new Document("b", 2).append("a", 1)),
                new KeyValue("x", 7L), new KeyValue("x", 8L));
        for (KeyValue a : keys) {
            assertThat(type.compare(a, new KeyValue(a.stream().toArray()))).as("%s with a copy", a).isZero();
            for (KeyValue b : keys) {
                assertThat(Integer.signum(type.compare(a, b))).as("%s and %s", a, b)
                        .isEqualTo(-Integer.signum(type.compare(b, a)));
                if (a != b) {
                    assertThat(type.compare(a, b)).as("%s and %s are different keys", a, b).isNotZero();
                }
                for (KeyValue c : keys) {
                    if (type.compare(a, b) < 0 && type.compare(b, c) < 0) {
                        assertThat(type.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
                    }
                }
            }
        }
        assertThat(type.compare(new KeyValue("en", "/b"), new KeyValue("nl", "/a"))).isNegative();
        assertThat(Integer.signum(type.compare(new KeyValue(2.5), new KeyValue(1L))))
                .isEqualTo(Integer.signum(ValueComparator.asc().compare(2.5, 1L)));
    }

    private static Document page(String id, String lang, String permalink) {
        return new Document("_id", id).append("lang", lang).append("permalink", permalink);
    }

    private void createUniqueIndex() {
        store.command("createIndexes", new Document("createIndexes", "pages").append("indexes", List.of(
                new Document("key", new Document("lang", 1).append("permalink", 1)).append("name", "lang_permalink")
                        .append("unique", true))));
    }



    @SuppressWarnings("unchecked")
    private static Integer errorCode(Document answer, String field) {
        List<Document> errors = (List<Document>) answer.get(field);
        return errors == null || errors.isEmpty() ? null : ((Number) errors.get(0).get("code")).intValue();
    }
}
