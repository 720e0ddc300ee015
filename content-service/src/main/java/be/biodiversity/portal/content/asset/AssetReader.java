package be.biodiversity.portal.content.asset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the static files of one import as the archive or folder is walked: each is read once, within the size limit
 * per file, to learn its size and SHA-256 (and whether it has front matter). A file that can be opened again (a
 * folder's, a zip entry) is not kept in memory; a stream's (tar) is. Blocking I/O, like the importer's reading.
 */
public final class AssetReader {

    private final long maxFileBytes;

    AssetReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * @param in    the file's bytes, read here (not closed)
     * @param again opens the file again when it is stored; null: its bytes are kept now
     */
    public AssetSource read(InputStream in, AssetSource.Opener again) throws IOException {
        MessageDigest digest = sha256();
        ByteArrayOutputStream kept = again == null ? new ByteArrayOutputStream() : null;
        byte[] buffer = new byte[16384];
        byte[] head = new byte[5];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (size < head.length) {
                System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
            }
            size += n;
            if (size > maxFileBytes) {
                return AssetSource.refused(size, "larger than " + maxFileBytes
                        + " bytes (portal.content.assets.max-file-bytes); not imported");
            }
            digest.update(buffer, 0, n);
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
        }
        AssetSource.Opener opener = again;
        if (kept != null) {
            byte[] bytes = kept.toByteArray();
            opener = () -> new ByteArrayInputStream(bytes);
        }
        boolean frontMatter = startsWith(head, size, "---\n") || startsWith(head, size, "---\r\n");
        return new AssetSource(size, HexFormat.of().formatHex(digest.digest()), opener, null, frontMatter);
    }

    /** A file already read into memory (a markdown or HTML file without front matter: Jekyll copies it). */
    public AssetSource read(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), () -> new ByteArrayInputStream(bytes));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean startsWith(byte[] head, long size, String prefix) {
        if (size < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
