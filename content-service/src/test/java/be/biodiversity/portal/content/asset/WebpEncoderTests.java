package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libwebp (webp-imageio's bundled native library) encodes here, on this platform and JVM; where it cannot load, the
 * encoder says so and gives nothing, never an {@link Error}.
 */
class WebpEncoderTests {

    final WebpEncoder encoder = new WebpEncoder();

    @Test
    void aJpegPhotoBecomesASmallerLossyWebpThatDecodesToTheSameSize() throws IOException {
        byte[] jpeg = TestImages.image("jpg", 640, 400, false);
        BufferedImage photo = Resizer.flattened(ImageIO.read(new ByteArrayInputStream(jpeg)));

        assertThat(encoder.available().block()).isTrue();
        byte[] webp = encoder.encode(photo, false).orElseThrow();

        assertThat(new String(webp, 0, 4, "US-ASCII")).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4, "US-ASCII")).isEqualTo("WEBP");
        assertThat(new String(webp, 12, 4, "US-ASCII")).as("lossy: a VP8 chunk").isEqualTo("VP8 ");
        assertThat(webp.length).isLessThan(jpeg.length);
        BufferedImage decoded = decode(webp);
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(400);
    }

    @Test
    void aTransparentPngBecomesALosslessWebpThatKeepsItsTransparency() throws IOException {
        byte[] png = TestImages.image("png", 300, 100, true);
        BufferedImage logo = Resizer.flattened(ImageIO.read(new ByteArrayInputStream(png)));

        byte[] webp = encoder.encode(logo, true).orElseThrow();

        assertThat(WebpEncoder.isWebp(webp)).isTrue();
        assertThat(new String(webp, 12, 4, "US-ASCII")).as("lossless: a VP8L chunk").isEqualTo("VP8L");
        BufferedImage decoded = decode(webp);
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(0, 0)).as("the lossless copy keeps the pixel").isEqualTo(logo.getRGB(0, 0));
    }

    @Test
    void withoutItsNativeLibraryTheEncoderIsUnavailableAndThrowsNothing() {
        WebpEncoder missing = new WebpEncoder(() -> {
            throw new UnsatisfiedLinkError("no libwebp-imageio.so for this platform");
        });

        assertThat(missing.available().block()).isFalse();
        assertThat(missing.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), false)).isEmpty();
    }

    @Test
    void onlyARiffContainerOfFormWebpIsWebp() {
        assertThat(WebpEncoder.isWebp("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isTrue();
        assertThat(WebpEncoder.isWebp("RIFF\0\0\0\0WAVEfmt ".getBytes())).isFalse();
        assertThat(WebpEncoder.isWebp(new byte[] { (byte) 0xff, (byte) 0xd8 })).isFalse();
    }

    /** With the WebP reader's provider itself, whatever ImageIO's registry holds. */
    static BufferedImage decode(byte[] webp) throws IOException {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(webp))) {
            reader.setInput(in);
            return reader.read(0);
        }
        finally {
            reader.dispose();
        }
    }
}
