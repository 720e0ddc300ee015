package be.biodiversity.portal.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownNestingTests {

    @Test
    void escapesTheMarkerPastTheLimitAndLeavesTheRestOfTheLineAsText() {
        assertThat(MarkdownNesting.cap(">".repeat(40) + " x\nok")).isEqualTo(">".repeat(32) + "\\" + ">".repeat(8) + " x\nok");
        assertThat(MarkdownNesting.cap("1. ".repeat(33))).isEqualTo("1. ".repeat(32) + "1\\. ");
        assertThat(MarkdownNesting.cap("- ".repeat(33) + "x")).isEqualTo("- ".repeat(32) + "\\- x");
    }

    @Test
    void leavesOrdinaryMarkdownAsItIs() {
        String page = "> quote\n\n- a\n  - b\n    1. c\n";
        assertThat(MarkdownNesting.cap(page)).isSameAs(page);
    }
}
