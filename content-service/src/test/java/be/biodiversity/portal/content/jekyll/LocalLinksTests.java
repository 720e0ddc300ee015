package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's link check finds the links the pattern it replaced found, in the same order. */
class LocalLinksTests {

    private static final Pattern HREF = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"");

    private static final List<String> PIECES = List.of("href", "src", "hre", "rc", "=", "\"", "/", "=\"/", "=\"",
            "a", "b/c", "?q=1", "#top", "&amp;", " ", "\n", "<a ", ">", "</a>", "x");

    @Test
    void findsWhatThePatternFound() {
        Random random = new Random(7);
        int withLinks = 0;
        for (int n = 0; n < 200_000; n++) {
            String html = RandomTexts.of(random, PIECES, random.nextInt(14));
            List<String> expected = new ArrayList<>();
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                expected.add(m.group(1));
            }
            assertThat(SiteChecks.localLinks(html)).as("'%s'", html).isEqualTo(expected);
            withLinks += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withLinks).as("the sample holds links").isGreaterThan(1_000);
    }

    @Test
    void readsTheLinksOfARenderedPage() {
        String html = "<p><a href=\"/nl/community?x=1\">community</a> <img src=\"/assets/map.png\"> "
                + "<a href=\"https://www.gbif.org/\">GBIF</a> <a data-href=\"/kept\">x</a></p>";
        assertThat(SiteChecks.localLinks(html)).containsExactly("/nl/community?x=1", "/assets/map.png", "/kept");
    }
}
