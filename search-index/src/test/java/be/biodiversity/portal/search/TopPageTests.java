package be.biodiversity.portal.search;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopPageTests {

    @Test
    void pickThePageInOrder() {
        List<Integer> shuffled = List.of(5, 3, 9, 1, 7, 2, 8, 6, 4, 0);
        assertThat(TopPage.of(shuffled, Comparator.naturalOrder(), 0, 3)).containsExactly(0, 1, 2);
        assertThat(TopPage.of(shuffled, Comparator.naturalOrder(), 8, 5)).containsExactly(8, 9);
        assertThat(TopPage.of(shuffled, Comparator.naturalOrder(), 10, 5)).isEmpty();
        assertThat(TopPage.of(shuffled, Comparator.<Integer>reverseOrder(), 2, 2)).containsExactly(7, 6);
        assertThat(TopPage.of(IntStream.range(0, 1000).boxed().toList(), Comparator.naturalOrder(), 990, 0)).isEmpty();
    }

    @Test
    void facetCountsAreMostFrequentFirst() {
        ValueBits bits = new ValueBits();
        bits.set(0, "ARTICLE");
        bits.set(1, "BOOK");
        bits.set(2, "ARTICLE");
        bits.set(3, "THESIS");
        java.util.BitSet base = new java.util.BitSet();
        base.set(0, 3);
        assertThat(bits.counts(base, 10)).containsExactly(new FacetCount("ARTICLE", 2), new FacetCount("BOOK", 1));
        assertThat(bits.counts(base, 1)).containsExactly(new FacetCount("ARTICLE", 2));
        assertThat(bits.anyOf(List.of("BOOK", "THESIS")).cardinality()).isEqualTo(2);
        assertThat(bits.anyOf(List.of())).isNull();
    }

    @Test
    void rankingPrefersWholeWordsAndPhrases() {
        String[] words = { "meise", "botanic", "garden" };
        assertThat(Ranking.best(words, "meise", 30, 20)).isEqualTo(30);
        assertThat(Ranking.best(words, "bot", 30, 20)).isEqualTo(20);
        assertThat(Ranking.best(words, "tanic", 30, 20)).isZero();
        assertThat(Ranking.phrase(new String[] { "meise botanic garden" }, "meise botanic", 100, 50)).isEqualTo(50);
    }
}
