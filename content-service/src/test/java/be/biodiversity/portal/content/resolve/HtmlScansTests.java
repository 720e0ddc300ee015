package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scans that spare the resolver a pattern over every page's HTML say what the patterns said: compared on random
 * texts made of the pieces that matter to them (tags, entities, white space of every kind, letters that fold to ASCII).
 */
class HtmlScansTests {

    private static final List<String> PIECES = List.of("<", ">", "</", " ", "\t", "\n", "\u000B", "\u00A0", "\u2003",
            "&nbsp;", "&#160;", "&amp;", "&", "nbsp;", "#160;", ";", "p", "b", "a", "x", "é", "<p>", "</p>", "<br>",
            "<img", "<iframe", "style", "STYLE", "StYlE", "<style", "<STYLE ", "\u017Ftyle", "\u212Aelvin", "=", "\"");

    private static final Pattern STYLE = Pattern.compile("(?is)<style\\b[^<>]{0,500}>(.*?)</style\\s*>");

    @Test
    void rendersEmptyAgreesWithStrippingEveryTag() {
        Random random = new Random(20261204);
        int empty = 0;
        for (int n = 0; n < 200_000; n++) {
            String html = text(random);
            boolean expected = !html.contains("<img") && !html.contains("<iframe")
                    && html.replaceAll("<[^<>]*+>", "").replace("&nbsp;", "").replace("&#160;", "").isBlank();
            assertThat(PageResolver.rendersEmpty(html)).as("'%s'", html).isEqualTo(expected);
            empty += expected ? 1 : 0;
        }
        assertThat(empty).as("the sample holds empty renderings").isGreaterThan(1_000);
    }

    @Test
    void theStyleClueNeverSaysNoWhereTheStylePatternFindsOne() {
        Random random = new Random(42);
        int found = 0;
        for (int n = 0; n < 200_000; n++) {
            String html = text(random) + (random.nextBoolean() ? "></style>" : "");
            if (STYLE.matcher(html).find()) {
                found++;
                assertThat(PageStyles.mayHoldStyle(html)).as("'%s'", html).isTrue();
            }
        }
        assertThat(found).as("the sample holds style elements").isGreaterThan(1_000);
        assertThat(PageStyles.mayHoldStyle("<p>No style here, nor <b>there</b>.</p>")).isFalse();
        assertThat(PageStyles.extract("<p>plain</p>").css()).isEmpty();
    }

    private static String text(Random random) {
        return RandomTexts.of(random, PIECES, random.nextInt(10));
    }
}
