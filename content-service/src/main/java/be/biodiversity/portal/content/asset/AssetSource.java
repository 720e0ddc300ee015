package be.biodiversity.portal.content.asset;

import java.io.IOException;
import java.io.InputStream;

/**
 * A static file of a site as the importer read it: its size and content hash, and how to read it again when it is
 * stored (from the folder or archive, or from the bytes kept while reading a stream).
 *
 * @param refusal     why it is not imported (over a limit), else null; then {@code sha256} and {@code opener} are null
 * @param frontMatter it starts with a {@code ---} line: Jekyll would render it, not copy it
 */
public record AssetSource(long size, String sha256, Opener opener, String refusal, boolean frontMatter) {

    /** Opens the file's bytes (again). */
    public interface Opener {
        InputStream open() throws IOException;
    }

    static AssetSource refused(long size, String refusal) {
        return new AssetSource(size, null, null, refusal, false);
    }
}
