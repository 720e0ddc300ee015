package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResizerTests {

    @Test
    void anOpaqueImageBecomesASmallerJpegOfTheWidthAsked() throws IOException {
        byte[] png = TestImages.image("png", 1800, 1200, false);
        Resizer.Copy copy = Resizer.resize(png, 480, 30_000_000).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(copy.bytes()));
        assertThat(copy.contentType()).isEqualTo("image/jpeg");
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(copy.bytes().length).isLessThan(png.length);
    }

    @Test
    void aTransparentImageStaysAPng() throws IOException {
        byte[] png = TestImages.image("png", 1000, 500, true);
        Resizer.Copy copy = Resizer.resize(png, 480, 30_000_000).orElseThrow();
        assertThat(copy.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(copy.bytes())).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void aPngWhoseAlphaIsOpaqueEverywhereIsAPhotoAndBecomesAJpeg() throws IOException {
        BufferedImage photo = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 1000; x++) {
            for (int y = 0; y < 500; y++) {
                photo.setRGB(x, y, 0xff000000 | (x * 7 + y * 13) & 0xffffff);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(photo, "png", png);
        assertThat(Resizer.resize(png.toByteArray(), 480, 30_000_000).orElseThrow().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void anImageNotWiderThanAskedIsLeftAsItIs() throws IOException {
        assertThat(Resizer.resize(TestImages.image("jpg", 400, 300, false), 480, 30_000_000)).isEmpty();
        assertThat(Resizer.resize("not an image".getBytes(), 480, 30_000_000)).isEmpty();
    }

    @Test
    void aHeaderClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        // 10^10 pixels: decoding would need 40 GB; the header alone says so
        assertThatThrownBy(() -> Resizer.resize(TestImages.pngBomb(100_000, 100_000), 480, 30_000_000))
                .isInstanceOf(Resizer.TooLarge.class).hasMessageContaining("max-pixels");
    }

    @Test
    void withoutAWidthTheImageIsDecodedAtItsOwnSize() throws IOException {
        BufferedImage image = Resizer.decode(TestImages.image("jpg", 400, 300, false), null, 30_000_000).orElseThrow();
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(Resizer.flattened(image).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }
}
