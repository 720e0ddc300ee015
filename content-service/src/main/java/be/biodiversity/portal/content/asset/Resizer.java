package be.biodiversity.portal.content.asset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a narrower copy of a JPEG or PNG with the JDK's ImageIO. The size is read from the header first and an image
 * over the pixel limit is never decoded (a small file can declare a huge image: a decompression bomb). The image is
 * decoded subsampled — at most about twice the target width — so memory stays near the size of the copy, then
 * scaled smoothly. An image without transparency (also a PNG whose alpha is opaque everywhere) becomes a JPEG
 * (quality 0.82), one with it stays a PNG.
 */
final class Resizer {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final float QUALITY = 0.82f;

    static {
        ImageIO.setUseCache(false); // no temporary files: the root file system may be read-only
    }

    /** The copy; the image is over the pixel limit. */
    record Copy(byte[] bytes, String contentType, int width, int height) {
    }

    static final class TooLarge extends IOException {
        TooLarge(long pixels, long max) {
            super("an image of " + pixels + " pixels is over the limit of " + max + " (portal.content.assets.max-pixels)");
        }
    }

    private Resizer() {
    }

    /** Empty when the image is not wider than {@code width} or no ImageIO reader takes it. */
    static Optional<Copy> resize(byte[] source, int width, long maxPixels) throws IOException {
        Optional<BufferedImage> image = decode(source, width, maxPixels);
        return image.isEmpty() ? Optional.empty() : Optional.of(encode(flattened(image.get())));
    }

    /**
     * The image scaled to {@code width} (decoded subsampled), or at its own size when {@code width} is null. Empty when
     * it is not wider than {@code width} or no ImageIO reader takes it.
     */
    static Optional<BufferedImage> decode(byte[] source, Integer width, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                long pixels = (long) w * h;
                if (pixels > maxPixels) {
                    throw new TooLarge(pixels, maxPixels);
                }
                if (width == null) {
                    return Optional.of(reader.read(0));
                }
                if (w <= width) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, w / (2 * width));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return Optional.of(scale(image, width, Math.max(1, Math.round((float) h * width / w))));
            }
            finally {
                reader.dispose();
            }
        }
    }

    /**
     * The image in 8-bit RGB, or ARGB when it has transparency: a PNG with an alpha channel that is opaque everywhere
     * (many photos saved as PNG) is a photo. Also what libwebp is given (it reads packed RGB and ARGB pixels).
     */
    static BufferedImage flattened(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha() && !opaque(image);
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return image.getType() == type ? image : draw(image, image.getWidth(), image.getHeight(), alpha);
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage current = image;
        // halve while more than twice too wide, then one bilinear step: smooth without a blurry single big step
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), alpha);
        }
        return draw(current, width, height, alpha);
    }

    private static boolean opaque(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) != 0xff) {
                    return false;
                }
            }
        }
        return true;
    }

    private static BufferedImage draw(BufferedImage image, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        }
        finally {
            g.dispose();
        }
        return target;
    }

    /** A {@link #flattened} image as a PNG when it has transparency, else as a JPEG. */
    static Copy encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (image.getColorModel().hasAlpha()) {
            ImageIO.write(image, "png", out);
            return new Copy(out.toByteArray(), PNG, image.getWidth(), image.getHeight());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        finally {
            writer.dispose();
        }
        return new Copy(out.toByteArray(), JPEG, image.getWidth(), image.getHeight());
    }
}
