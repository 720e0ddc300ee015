package be.biodiversity.portal.content.literature;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

    @Test
    void foldsCaseAndAccentsAndSplitsOnPunctuation() {
        assertThat(SearchText.words("Musée royal de l'Afrique centrale — Tervuren"))
                .containsExactly("musee", "royal", "de", "l", "afrique", "centrale", "tervuren");
    }

    @Test
    void tokensAreDistinctAndSorted() {
        assertThat(SearchText.tokens(List.of("Écologie des rivières", "ecologie", "Rivières")))
                .containsExactly("des", "ecologie", "rivieres");
    }

    @Test
    void nothingToSearchGivesNoWords() {
        assertThat(SearchText.words("  -- ")).isEmpty();
        assertThat(SearchText.words(null)).isEmpty();
    }
}
