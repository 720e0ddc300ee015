package be.biodiversity.portal.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KramdownBlocksTests {

    @Test
    void aBlockAttributeLineIsBlankedAndPointsAtTheBlockBeforeOrAfterIt() {
        KramdownBlocks.Prepared prepared = KramdownBlocks.prepare("Safe\n{: .tag}\n\n{: .box }\nStyled\n");
        assertThat(prepared.markdown()).isEqualTo("Safe\n\n\n\nStyled\n");
        assertThat(prepared.attributes()).containsExactly(new KramdownBlocks.BlockAttributes(0, true, 0, ".tag"),
                new KramdownBlocks.BlockAttributes(4, false, 0, ".box "));
    }

    @Test
    void fencedCodeIsLeftAlone() {
        String code = "```\n{: .box }\n<br>\n<div>\n\n</div>\n```\n";
        assertThat(KramdownBlocks.prepare(code).markdown()).isEqualTo(code);
        assertThat(KramdownBlocks.prepare(code).attributes()).isEmpty();
    }

    @Test
    void aRawHtmlElementKeepsItsBlankLinesOutAndEndsWithOne() {
        assertThat(KramdownBlocks.prepare("<ul>\n  \n  <li>a</li>\n\n</ul>\nText").markdown())
                .isEqualTo("<ul>\n  <li>a</li>\n</ul>\n\nText");
    }

    @Test
    void anElementThatIsNeverClosedIsLeftAsCommonMarkReadsIt() {
        assertThat(KramdownBlocks.prepare("<div>\n\ntext").markdown()).isEqualTo("<div>\n\ntext");
    }

    @Test
    void manyUnclosedElementsAreReadInLinearTime() {
        // each would look up to 5000 lines ahead for its closing tag; the text's budget stops that
        String text = "<div markdown=\"1\">\n".repeat(100_000);
        assertThat(KramdownBlocks.prepare(text).markdown()).contains("<div>");
        assertThat(KramdownBlocks.prepare("<div>\n".repeat(100_000)).markdown()).startsWith("<div>\n<div>");
    }

    @Test
    void unmarkTakesTheMarkersOut() {
        assertThat(KramdownBlocks.prepare("\n<br>\n**b**").markdown()).isEqualTo("\n" + KramdownBlocks.MARK + "<br>\n**b**");
        assertThat(KramdownBlocks.unmark("<p>" + KramdownBlocks.MARK + "<br>")).isEqualTo("<p><br>");
    }
}
