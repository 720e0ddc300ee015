package be.biodiversity.portal.content.search;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The site search keeps one copy of a word for all its pages, not one per page. */
class SiteEntryTests {

    @Test
    void pagesShareTheirWords() {
        SiteEntry first = entry("a", "Biodiversiteit in België", "Waarnemingen van soorten");
        SiteEntry second = entry("b", "Soorten en biodiversiteit", "Nieuwe waarnemingen");

        assertThat(word(second.bodyWords(), "waarnemingen")).isSameAs(word(first.bodyWords(), "waarnemingen"));
        assertThat(word(second.titleWords(), "biodiversiteit")).isSameAs(word(first.titleWords(), "biodiversiteit"));
        assertThat(word(second.titleWords(), "soorten")).isSameAs(word(first.bodyWords(), "soorten"));
    }

    private static SiteEntry entry(String key, String title, String text) {
        return SiteEntry.of(key, 1, "site", "nl", "page", "/" + key, title, null, Instant.EPOCH, List.of(), text);
    }

    private static String word(String[] words, String wanted) {
        for (String word : words) {
            if (word.equals(wanted)) {
                return word;
            }
        }
        throw new AssertionError(wanted + " not among " + List.of(words));
    }
}
