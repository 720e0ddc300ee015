package be.biodiversity.portal.content.asset;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image's width and height, read from its header only (never decoded); unknown when no reader takes it. */
record ImageSize(Integer width, Integer height) {

    static final ImageSize UNKNOWN = new ImageSize(null, null);

    static boolean isImage(String contentType) {
        return contentType.startsWith("image/jpeg") || contentType.startsWith("image/png")
                || contentType.startsWith("image/gif") || contentType.startsWith("image/bmp");
    }

    /** Blocking I/O. */
    static ImageSize read(AssetSource.Opener opener) {
        try (InputStream in = opener.open(); ImageInputStream image = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
            if (!readers.hasNext()) {
                return UNKNOWN;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException ex) {
            return UNKNOWN;
        }
    }
}
