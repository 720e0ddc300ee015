package be.biodiversity.portal.content.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A page's text as the site search keeps it: deflated. The index reads it only for the snippets of the hits it
 * shows (a page of results), never to match or rank, and the whole text of every page was the largest thing
 * content-service kept (8.6 MB of 107 at 5,000 pages); deflated it is a third of that or less.
 */
final class PackedText {

    private static final PackedText EMPTY = new PackedText(new byte[0], 0);

    private final byte[] packed;
    private final int length;

    private PackedText(byte[] packed, int length) {
        this.packed = packed;
        this.length = length;
    }

    static PackedText of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 3 + 16);
            byte[] chunk = new byte[Math.min(utf8.length + 64, 8192)];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return new PackedText(out.toByteArray(), utf8.length);
        }
        finally {
            deflater.end();
        }
    }

    String text() {
        if (length == 0) {
            return "";
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            byte[] utf8 = new byte[length];
            int read = 0;
            while (read < length && !inflater.finished()) {
                int n = inflater.inflate(utf8, read, length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            return new String(utf8, 0, read, StandardCharsets.UTF_8);
        }
        catch (DataFormatException ex) {
            throw new IllegalStateException("a search entry's text cannot be read back", ex);
        }
        finally {
            inflater.end();
        }
    }

    /** Bytes kept. */
    int size() {
        return packed.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackedText that && length == that.length && Arrays.equals(packed, that.packed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return "PackedText[" + length + " bytes in " + packed.length + "]";
    }
}
