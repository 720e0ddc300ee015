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

    /** The same files as content-service lists them where it makes WebP. */
    static final Map<String, SiteFile> WITH_WEBP = Map.of(
            "assets/images/photos/RR01.jpg", new SiteFile("assets/images/photos/RR01.jpg", "image/jpeg", 3_500_000,
                    "0123456789abcdef", 4000, 3000, true),
            "assets/images/logos/small.png", new SiteFile("assets/images/logos/small.png", "image/png", 9_000,
                    "fedcba9876543210", 300, 100, true),
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

    @Test
    void withWebpOfferedAPhotoIsAPictureWhoseWebpSourceListsTheSameWidths() {
        String html = images.rewrite("<p><img src=\"/assets/images/photos/RR01.jpg\" alt=\"Rocks\" width=\"600px\"></p>",
                WITH_WEBP);
        String url = "/assets/images/photos/RR01.jpg?v=0123456789abcdef";
        assertThat(html).isEqualTo("<p><picture><source type=\"image/webp\" srcset=\""
                + url + "&amp;w=480&amp;format=webp 480w, " + url + "&amp;w=960&amp;format=webp 960w, "
                + url + "&amp;w=1600&amp;format=webp 1600w, " + url + "&amp;format=webp 4000w\" sizes=\"600px\">"
                + "<img src=\"" + url + "\" alt=\"Rocks\" width=\"600px\" srcset=\"" + url + "&amp;w=480 480w, "
                + url + "&amp;w=960 960w, " + url + "&amp;w=1600 1600w, " + url + " 4000w\" sizes=\"600px\""
                + " loading=\"lazy\" decoding=\"async\"></picture></p>");
    }

    @Test
    void aSmallImageWithWebpGetsOneWebpSourceAndAnSvgNone() {
        String html = images.rewrite("<img src=\"/assets/images/logos/small.png\" alt=\"Logo\">"
                + "<img src=\"/assets/images/icon.svg\" alt=\"\">", WITH_WEBP);
        assertThat(html).isEqualTo("<picture><source type=\"image/webp\" "
                + "srcset=\"/assets/images/logos/small.png?v=fedcba9876543210&amp;format=webp\">"
                + "<img src=\"/assets/images/logos/small.png?v=fedcba9876543210\" alt=\"Logo\" width=\"300\" "
                + "height=\"100\" loading=\"lazy\" decoding=\"async\"></picture>"
                + "<img src=\"/assets/images/icon.svg?v=00000000000000bb\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
    }

    @Test
    void withoutWebpOfferedOrInsideAPictureAlreadyNoPictureIsWritten() {
        assertThat(images.rewrite("<img src=\"/assets/images/photos/RR01.jpg\" alt=\"\">", FILES))
                .doesNotContain("picture").doesNotContain("webp");
        String own = "<picture><source srcset=\"/a.avif\" type=\"image/avif\"><img src=\"/assets/images/logos/small.png\""
                + " alt=\"\"></picture><img src=\"/assets/images/logos/small.png\" alt=\"\">";
        String html = images.rewrite(own, WITH_WEBP);
        assertThat(html).startsWith("<picture><source srcset=\"/a.avif\" type=\"image/avif\"><img "
                + "src=\"/assets/images/logos/small.png?v=fedcba9876543210\"")
                .endsWith("</picture><picture><source type=\"image/webp\" "
                        + "srcset=\"/assets/images/logos/small.png?v=fedcba9876543210&amp;format=webp\"><img "
                        + "src=\"/assets/images/logos/small.png?v=fedcba9876543210\" alt=\"\" width=\"300\" "
                        + "height=\"100\" loading=\"lazy\" decoding=\"async\"></picture>");
        assertThat(html.split("<picture>", -1)).hasSize(3);
    }

    @Test
    void anImageWithOnlyAPixelHeightIsSizedByTheWidthItsProportionsGive() {
        // the header's logo: 28 px high; a 1000 x 500 image is 56 px wide there, not the viewport's width
        String html = images.rewrite("<img class=\"brand-logo\" src=\"/assets/images/mid.png\" alt=\"Site\" height=\"28\">",
                FILES);
        assertThat(html).contains(" sizes=\"56px\"").doesNotContain("100vw");
    }

    @Test
    void randomPagesReadAsTheRegularExpressionAndPictureCountsFoundThem() {
        List<String> pieces = List.of("<img src=\"/assets/images/photos/RR01.jpg\" alt=\"\">",
                "<IMG SRC=\"/assets/images/mid.png\" class=\"hero\">", "<img/>", "<img>", "<imgx src=\"/x.png\">",
                "<img_ src=\"/assets/images/mid.png\">", "<img1>",
                "<img alt=\"<picture\" src=\"/assets/images/mid.png\">",
                "<img src=\"/assets/images/logos/small.png\" width=\"120\">", "<img src=\"/assets/images/icon.svg\"",
                "<picture>", "</picture>", "<PICTURE>", "<p>", "</p>", " text é ’ ", ">", "<", "<im", "g");
        java.util.Random random = new java.util.Random(19);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder html = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                html.append(pieces.get(random.nextInt(pieces.size())));
            }
            Map<String, SiteFile> files = random.nextBoolean() ? FILES : WITH_WEBP;
            assertThat(images.rewrite(html.toString(), files)).as(html.toString()).isEqualTo(byRegex(html.toString(), files));
        }
    }

    @Test
    void theBytesOfAnyPageAreRewrittenAsItsTextIs() {
        List<String> pieces = List.of("<img src=\"/assets/images/photos/RR01.jpg\" alt=\"\">",
                "<IMG SRC=\"/assets/images/mid.png\" class=\"hero\">", "<img/>", "<img>", "<imgx src=\"/x.png\">",
                "<img_ src=\"/assets/images/mid.png\">", "<img\u00e9 src=\"/assets/images/mid.png\">",
                "<img\u4e2d src=\"/assets/images/mid.png\">", "<img\ud83d\ude00 src=\"/assets/images/mid.png\">",
                "<img\u00a0 src=\"/assets/images/mid.png\">",
                "<\u0130mg src=\"/assets/images/mid.png\">", "<\u0131MG src=\"/assets/images/icon.svg\">",
                "<img alt=\"\u00e9t\u00e9 \u2019\" src=\"/assets/images/logos/small.png\">", "<picture>", "</picture>",
                " text \u00e9 \u2019 \ud83c\udf3f ", ">", "<", "<i", "mg", "\u00c4", "\u0130");
        java.util.Random random = new java.util.Random(23);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder html = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                html.append(pieces.get(random.nextInt(pieces.size())));
            }
            Map<String, SiteFile> files = random.nextBoolean() ? FILES : WITH_WEBP;
            byte[] page = html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] rewritten = images.rewrite(page, files);
            String expected = images.rewrite(html.toString(), files);
            assertThat(new String(rewritten, java.nio.charset.StandardCharsets.UTF_8)).as(html.toString())
                    .isEqualTo(expected);
            if (expected.equals(html.toString())) {
                assertThat(rewritten).as("unchanged: the page itself").isSameAs(page);
            }
        }
    }

    /** The rewriting as first written: a regular expression for the tags, every tag's {@code <picture>}s counted. */
    private String byRegex(String html, Map<String, SiteFile> files) {
        var tags = java.util.regex.Pattern.compile("<img\\b[^>]*>", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(html);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int pictures = 0;
        while (tags.find()) {
            pictures += occurrences(html, "<picture", last, tags.start()) - occurrences(html, "</picture", last,
                    tags.start());
            // a tag alone is rewritten as outside any <picture>; after one, as inside
            String tag = tags.group();
            out.append(html, last, tags.start()).append(pictures <= 0 ? images.rewrite(tag, files)
                    : images.rewrite("<picture>" + tag, files).substring("<picture>".length()));
            last = tags.end();
        }
        return out.append(html, last, html.length()).toString();
    }

    private static int occurrences(String html, String what, int from, int to) {
        int n = 0;
        for (int i = html.indexOf(what, from); i >= 0 && i < to; i = html.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
