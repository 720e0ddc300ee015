package be.biodiversity.portal.render.image;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.render.content.SiteFiles.SiteFile;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsiveImagesTests {

    static final Map<String, SiteFile> FILES = Map.of(
            "assets/images/photos/RR01.jpg", new SiteFile("assets/images/photos/RR01.jpg", "image/jpeg", 3_500_000,
                    "0123456789abcdef", 4000, 3000),
            "assets/images/logos/small.png", new SiteFile("assets/images/logos/small.png", "image/png", 9_000,
                    "fedcba9876543210", 300, 100),
            "assets/images/mid.png", new SiteFile("assets/images/mid.png", "image/png", 90_000, "00000000000000aa",
                    1000, 500),
            "assets/images/icon.svg", new SiteFile("assets/images/icon.svg", "image/svg+xml", 900, "00000000000000bb",
                    null, null));

    final ResponsiveImages images = new ResponsiveImages(List.of(480, 960, 1600));

    @Test
    void aLargePhotoGetsFingerprintedNarrowerCopiesItsSizeAndIsLazy() {
        String html = images.rewrite("<p><img src=\"/assets/images/photos/RR01.jpg\" alt=\"Rocks\"></p>", FILES);
        assertThat(html).isEqualTo("<p><img src=\"/assets/images/photos/RR01.jpg?v=0123456789abcdef\" alt=\"Rocks\""
                + " srcset=\"/assets/images/photos/RR01.jpg?v=0123456789abcdef&amp;w=480 480w, "
                + "/assets/images/photos/RR01.jpg?v=0123456789abcdef&amp;w=960 960w, "
                + "/assets/images/photos/RR01.jpg?v=0123456789abcdef&amp;w=1600 1600w, "
                + "/assets/images/photos/RR01.jpg?v=0123456789abcdef 4000w\" sizes=\"100vw\""
                + " width=\"4000\" height=\"3000\" loading=\"lazy\" decoding=\"async\"></p>");
    }

    @Test
    void theHeroPhotoIsFetchedFirstNotLazily() {
        String html = images.rewrite("<img class=\"hero-photo\" src=\"/assets/images/photos/RR01.jpg\" alt=\"\">", FILES);
        assertThat(html).contains("fetchpriority=\"high\"").doesNotContain("loading=").contains("sizes=\"100vw\"");
    }

    @Test
    void onlyWidthsNarrowerThanTheImageAreOfferedAndItsOwnPixelWidthIsItsSize() {
        String html = images.rewrite("<img src=\"/assets/images/mid.png\" width=\"180px\" alt=\"\" loading=\"eager\">",
                FILES);
        assertThat(html).contains("srcset=\"/assets/images/mid.png?v=00000000000000aa&amp;w=480 480w, "
                + "/assets/images/mid.png?v=00000000000000aa&amp;w=960 960w, /assets/images/mid.png?v=00000000000000aa 1000w\"")
                .contains("sizes=\"180px\"").doesNotContain("height=").doesNotContain("lazy");
    }

    @Test
    void aSmallImageOrAnSvgGetsItsFingerprintButNoSrcset() {
        String html = images.rewrite("<img src=\"/assets/images/logos/small.png\" alt=\"\"/>"
                + "<img src=\"/assets/images/icon.svg\" alt=\"\">", FILES);
        assertThat(html).doesNotContain("srcset")
                .contains("<img src=\"/assets/images/logos/small.png?v=fedcba9876543210\" alt=\"\" width=\"300\" "
                        + "height=\"100\" loading=\"lazy\" decoding=\"async\"/>")
                .contains("<img src=\"/assets/images/icon.svg?v=00000000000000bb\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
    }

    @Test
    void unknownExternalAndAlreadyResponsiveImagesStayAsTheyAre() {
        String html = "<img src=\"/assets/images/none.jpg\" alt=\"\"><img src=\"https://example.org/a.jpg\" alt=\"\">"
                + "<img src=\"//example.org/assets/images/mid.png\"><img src=\"/assets/images/mid.png\" srcset=\"x 1x\">"
                + "<img src=\"/assets/images/mid.png?x=1\">";
        assertThat(images.rewrite(html, FILES)).isEqualTo(html);
        assertThat(images.rewrite("<img src=\"/assets/images/mid.png\">", Map.of()))
                .isEqualTo("<img src=\"/assets/images/mid.png\">");
    }
}
