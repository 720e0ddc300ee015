package be.biodiversity.portal.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixIndexTests {

    record Doc(String key, long version, String text) implements PrefixIndex.Entry {

        @Override
        public void words(Consumer<String> sink) {
            Folding.words(text).forEach(sink);
        }
    }

    private static List<String> keys(PrefixIndex<Doc> index, String query) {
        return index.read(view -> {
            BitSet hits = view.matchingAll(Folding.words(query));
            List<String> keys = new ArrayList<>();
            hits.stream().forEach(id -> keys.add(view.entry(id).key()));
            return keys;
        });
    }

    @Test
    void everyQueryWordMustBeginAWord() {
        PrefixIndex<Doc> index = new PrefixIndex<>();
        index.put(new Doc("a", 0, "Écologie des forêts"));
        index.put(new Doc("b", 0, "Ecological data"));
        index.put(new Doc("c", 0, "Marine biology"));
        assertThat(keys(index, "ecolog")).containsExactlyInAnyOrder("a", "b");
        assertThat(keys(index, "ecologie forets")).containsExactly("a");
        assertThat(keys(index, "cologie")).isEmpty();
        assertThat(keys(index, "")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aLaterVersionWinsAndAnOlderOneIsIgnored() {
        PrefixIndex<Doc> index = new PrefixIndex<>();
        assertThat(index.put(new Doc("a", 2, "new words"))).isTrue();
        assertThat(index.put(new Doc("a", 1, "old words"))).isFalse();
        assertThat(keys(index, "new")).containsExactly("a");
        assertThat(keys(index, "old")).isEmpty();
        index.replace("a", new Doc("a", 0, "replaced"));
        assertThat(keys(index, "replaced")).containsExactly("a");
        index.remove("a");
        assertThat(index.size()).isZero();
        assertThat(index.get("a")).isNull();
    }

    @Test
    void listenersFollowAddsRemovesAndCompaction() {
        List<String> events = new ArrayList<>();
        PrefixIndex<Doc> index = new PrefixIndex<>(new PrefixIndex.Listener<>() {
            @Override
            public void added(int id, Doc entry) {
                events.add("added " + entry.key());
            }

            @Override
            public void removed(int id, Doc entry) {
                events.add("removed " + entry.key());
            }

            @Override
            public void cleared() {
                events.add("cleared");
            }
        });
        for (int version = 0; version < 1100; version++) {
            index.put(new Doc("a", version, "word" + version));
        }
        assertThat(events).contains("cleared");
        assertThat(index.size()).isEqualTo(1);
        assertThat(keys(index, "word1099")).containsExactly("a");
        assertThat(keys(index, "word5")).isEmpty();
    }
}
