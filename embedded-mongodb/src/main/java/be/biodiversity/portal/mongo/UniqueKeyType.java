package be.biodiversity.portal.mongo;

import java.nio.ByteBuffer;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index in the H2 store, ordered by their values. H2's default type orders a key it does not
 * know (mongo-java-server's {@link KeyValue}) by its Java serialization: each comparison of a B-tree search
 * serialized both keys, a quarter of a 5,000-page import's CPU. Here two keys compare value by value, as MongoDB
 * orders them; values MongoDB orders as equal but of another kind (1 and 1L, two documents with their fields in
 * another order) fall back to the old order of their serialized forms, so which keys are the same key — what the
 * unique index refuses — is exactly as before. The keys are stored as before (Java serialization); only the order of
 * the tree differs, so these trees live under their own map names ({@link KeyOrderedH2Database}).
 */
final class UniqueKeyType extends BasicDataType<KeyValue> {

    /** Values whose equality by {@code equals} is equality of their serialized forms. */
    private static final Set<Class<?>> PLAIN = Set.of(String.class, Long.class, Integer.class, Double.class,
            Boolean.class, ObjectId.class, Date.class, UUID.class);

    private final ObjectDataType serialized = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private int compareValues(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        int c = ValueComparator.ascWithoutListHandling().compare(x, y);
        if (c != 0) {
            return c;
        }
        if (x != null && y != null && x.getClass() == y.getClass() && PLAIN.contains(x.getClass()) && x.equals(y)) {
            return 0;
        }
        return serialized.compare(x, y);
    }

    @Override
    public int getMemory(KeyValue key) {
        return serialized.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        serialized.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) serialized.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UniqueKeyType;
    }

    @Override
    public int hashCode() {
        return UniqueKeyType.class.hashCode();
    }
}
