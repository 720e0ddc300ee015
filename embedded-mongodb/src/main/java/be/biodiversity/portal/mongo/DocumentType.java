package be.biodiversity.portal.mongo;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 store keeps a collection's documents: as BSON, the bytes they travel in, instead of H2's default,
 * Java serialization. H2 serializes a value not only to write it: it also sized every document of a tree page that
 * way each time the page changed, so an import of 5,000 pages made 1.5 GB of garbage in serialization alone, and
 * every read deserialized through an {@code ObjectInputStream}.
 *
 * <p>A value starts with one tag byte. {@link #BSON} is followed by the BSON document (its length first, as BSON
 * has it). Any other tag is a value in H2's default format: what a store written before this type holds, read as it
 * always was; rewritten as BSON once its page is written again. A document BSON cannot carry (a value of a type the
 * wire protocol has no encoding for) is kept in the default format too, so nothing a client could store is refused.
 */
final class DocumentType extends BasicDataType<Object> {

    /** Never a tag of H2's default format (its tags are 0-19, 32-49 and 64-119). */
    static final byte BSON = (byte) 0xB5;

    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));
    /** A buffer that grew past this for a huge document is not kept for the next one. */
    private static final int SCRATCH_KEPT = 1 << 20;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public int getMemory(Object value) {
        return 24 + estimate(value, 0);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            ByteBuf bytes = SCRATCH.get();
            bytes.clear();
            boolean encoded;
            try {
                BsonEncoder.encodeDocument(document, bytes);
                encoded = true;
            }
            catch (RuntimeException notBson) {
                encoded = false;
            }
            if (encoded) {
                buffer.put(BSON).put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
            }
            if (bytes.capacity() > SCRATCH_KEPT) {
                SCRATCH.remove();
            }
            if (encoded) {
                return;
            }
        }
        legacy.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return legacy.read(buffer);
        }
        buffer.get();
        int start = buffer.position();
        int length = Integer.reverseBytes(buffer.getInt(start));
        ByteBuf bytes;
        if (buffer.hasArray()) {
            bytes = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + start, length);
        }
        else {
            byte[] copy = new byte[length];
            buffer.get(start, copy);
            bytes = Unpooled.wrappedBuffer(copy);
        }
        buffer.position(start + length);
        return BsonDecoder.decodeBson(bytes);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** What a value holds on the heap, roughly, without serializing it: H2 asks for every value of a page it changes. */
    private static int estimate(Object value, int depth) {
        if (value instanceof String text) {
            return 48 + text.length();
        }
        if (value instanceof Map<?, ?> map && depth < 100) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey(), depth + 1) + estimate(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof Collection<?> list && depth < 100) {
            int size = 40;
            for (Object item : list) {
                size += 8 + estimate(item, depth + 1);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
