package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Encodes WebP with libwebp through webp-imageio, whose jar carries the native library for Linux, macOS and Windows
 * (x86-64 and ARM): on first use it is copied to {@code java.io.tmpdir} and loaded. Where it cannot load — another
 * platform, a musl libc, a temporary folder that is not writable or is mounted {@code noexec} — the library throws
 * {@link Error}s ({@code UnsatisfiedLinkError}); here that is caught once, by encoding a 2 x 2 image off the event
 * loop, and {@link #available()} answers false from then on: the portal makes no WebP and serves the JPEG or PNG,
 * never an error. The writer is made from its provider directly, not looked up in ImageIO's registry (which depends on
 * the class loader of the thread that first used ImageIO).
 */
@Component
final class WebpEncoder {

    private static final Logger log = LoggerFactory.getLogger(WebpEncoder.class);

    /** libwebp's quality for photos: about JPEG 0.82's look at two thirds of its bytes. */
    private static final float LOSSY_QUALITY = 0.80f;

    private final Callable<ImageWriter> writers;

    private final Mono<Boolean> available;

    WebpEncoder() {
        this(() -> new WebPImageWriterSpi().createWriterInstance(null));
    }

    /** @param writers makes a WebP writer; tests give one that fails as a missing native library does */
    WebpEncoder(Callable<ImageWriter> writers) {
        this.writers = writers;
        this.available = Mono.fromCallable(this::probe).subscribeOn(Schedulers.boundedElastic()).cache();
    }

    /** Whether WebP can be made here; the first subscriber loads the native library (blocking, off the event loop). */
    Mono<Boolean> available() {
        return available;
    }

    private boolean probe() {
        BufferedImage tiny = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Optional<byte[]> webp = encode(tiny, false);
        if (webp.isPresent() && isWebp(webp.get())) {
            log.info("WebP copies of the site's images are made with libwebp (webp-imageio)");
            return true;
        }
        log.warn("No WebP encoder here (libwebp could not be loaded, see above): "
                + "images are served as JPEG and PNG only");
        return false;
    }

    /**
     * The image as WebP: lossless for an image with transparency (logos, drawings: the PNG it replaces is lossless
     * too), else lossy. Empty when the encoder fails, whatever the reason (a native library that cannot load is an
     * {@link Error}, caught here). Blocking and CPU-heavy: call it on a thread of its own.
     */
    Optional<byte[]> encode(BufferedImage image, boolean lossless) {
        ImageWriter writer = null;
        try {
            writer = writers.call();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(lossless ? "Lossless" : "Lossy");
            if (!lossless) {
                param.setCompressionQuality(LOSSY_QUALITY);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return Optional.of(bytes.toByteArray());
        }
        catch (Exception | LinkageError ex) {
            log.debug("WebP encoding failed: {}", ex.toString());
            return Optional.empty();
        }
        finally {
            if (writer != null) {
                writer.dispose();
            }
        }
    }

    /** A WebP file: a RIFF container of form type {@code WEBP}. */
    static boolean isWebp(byte[] bytes) {
        return bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P';
    }
}
