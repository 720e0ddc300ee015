package be.biodiversity.portal.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the H2 store whose documents are kept as BSON ({@link DocumentType}) and whose unique indexes (every collection's {@code _id}, and each declared unique index)
 * compare their keys by value ({@link UniqueKeyType}), not by serializing them.
 *
 * <p>Their trees are kept under {@code <db>.<collection>._keyindex_<name>}. A store written before has the same
 * indexes, ordered by serialized form, under {@code ._index_<name>}: such a map is removed when the index is opened,
 * and the new, empty one is filled from the collection's documents (mongo-java-server builds an empty index when it
 * adds it to a collection), once, at the first start.
 */
final class KeyOrderedH2Database extends H2Database {

    private static final String LEGACY_INDEX = "._index_";
    private static final String INDEX = "._keyindex_";
    /** H2Database's names of a collection's documents and of its counters (dropping and renaming use them too). */
    private static final String DATA = "databases.";
    private static final String META = "meta.";
    private static final DocumentType DOCUMENTS = new DocumentType();

    private final MVStore store;
    private final CursorRegistry cursors;
    private final boolean constructed;

    KeyOrderedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors); // opens nothing: see initializeNamespacesAndIndexes
        this.store = store;
        this.cursors = cursors;
        this.constructed = true;
        super.initializeNamespacesAndIndexes();
    }

    /** H2Database opens its indexes in its constructor, before this class has its store: deferred to ours. */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (constructed) {
            super.initializeNamespacesAndIndexes();
        }
    }

    /** A collection as H2Database opens it, but its documents kept as BSON ({@link DocumentType}). */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = store.openMap(DATA + namespace,
                new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
        MVMap<String, Object> counters = store.openMap(META + namespace);
        return new H2Collection(this, collectionName, options, documents, counters, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String legacy = getFullCollectionNamespace(collection) + LEGACY_INDEX + indexName;
        if (store.hasMap(legacy)) {
            store.removeMap(legacy);
        }
        MVMap<KeyValue, Object> map = store.openMap(mapName(collection, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType()));
        return new KeyOrderedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String name = mapName(collection.getCollectionName(), indexName);
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
    }

    private String mapName(String collection, String indexName) {
        return getFullCollectionNamespace(collection) + INDEX + indexName;
    }
}
