package be.biodiversity.portal.system.jekyll;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Headings from markdown shaped like GBIF.be's pages and posts. */
class SourceHeadingsTests {

    @Test
    void atxHeadingsAsTheTextTheyShow() {
        String about = """
                ## Our mission

                ### ![Holistic thinking](/assets/images/icons/valueHolistic.png)Holistic thinking
                We look at the whole.

                ## Two practical applications of the [Survey and Monitoring Quick-Start Guide](https://docs.gbif.org/x/)
                ### **Bold** and `code` {#anchor}
                #### GBIF API {: .is-size-4}
                #NotAHeading
                """;

        assertThat(SourceHeadings.of(about)).extracting(SourceHeadings.Heading::text).containsExactly("Our mission",
                "Holistic thinking", "Two practical applications of the Survey and Monitoring Quick-Start Guide",
                "Bold and code", "GBIF API");
        assertThat(SourceHeadings.of(about)).extracting(SourceHeadings.Heading::level).containsExactly(2, 3, 2, 3, 4);
    }

    @Test
    void setextHeadingsButNotCodeLiquidOrListsOverARule() {
        String post = """
                Belgium joined
                ==============

                ```
                # a comment in code
                ```

                    # indented code

                ## {{ page.title }}

                - an item
                ---

                Brussels, 10 December
                ---------------------
                """;

        assertThat(SourceHeadings.of(post)).containsExactly(new SourceHeadings.Heading(1, "Belgium joined"),
                new SourceHeadings.Heading(2, "Brussels, 10 December"));
    }
}
