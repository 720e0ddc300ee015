package be.biodiversity.portal.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingTests {

    @Test
    void accentsAndCaseAreFolded() {
        assertThat(Folding.fold(" Écologie ")).isEqualTo("ecologie");
        assertThat(Folding.fold("Musée royal de l'Afrique")).isEqualTo("musee royal de l'afrique");
        assertThat(Folding.fold("NATUURWETENSCHAPPEN")).isEqualTo("natuurwetenschappen");
        assertThat(Folding.fold(null)).isNull();
    }

    @Test
    void decomposedAccentsFoldLikePrecomposedOnes() {
        assertThat(Folding.fold("e\u0301cologie")).isEqualTo(Folding.fold("écologie"));
    }

    @Test
    void lettersWithoutAMarkAreWrittenOut() {
        assertThat(Folding.words("Œuvre, cœur, Straße, Ørsted")).containsExactly("oeuvre", "coeur", "strasse", "orsted");
    }

    @Test
    void wordsAreSplitOnAnythingButLettersAndDigits() {
        assertThat(Folding.words("Biodiversity-data: 2024 (GBIF.be) and gbif")).containsExactly("biodiversity",
                "data", "2024", "gbif", "be", "and");
        assertThat(Folding.words("  ")).isEmpty();
        assertThat(Folding.words((String) null)).isEmpty();
    }

    @Test
    void phrasesJoinEachTextsWords() {
        assertThat(Folding.phrases(List.of("Meise Botanic  Garden", "Plantentuin-Meise")))
                .containsExactly("meise botanic garden", "plantentuin meise");
    }
}
