package be.biodiversity.portal.content.jekyll;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportPoolTests {

    @Test
    void answersInTheInputsOrderFromSeveralThreads() {
        List<Integer> inputs = IntStream.range(0, 1000).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> out = new ImportPool(3).map(inputs, i -> {
            threads.add(Thread.currentThread().getName());
            return i * 2;
        });
        assertThat(out).containsExactlyElementsOf(inputs.stream().map(i -> i * 2).toList());
        assertThat(threads).allMatch(name -> name.startsWith("import-")).hasSizeBetween(1, 3);
    }

    @Test
    void fewInputsOrOneThreadRunOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertThat(new ImportPool(4).map(List.of(1, 2), i -> Thread.currentThread().getName())).containsOnly(caller);
        assertThat(new ImportPool(1).map(IntStream.range(0, 500).boxed().toList(),
                i -> Thread.currentThread().getName())).containsOnly(caller);
    }

    @Test
    void anExceptionOfTheWorkIsThrownToTheCaller() {
        List<Integer> inputs = IntStream.range(0, 500).boxed().toList();
        assertThatThrownBy(() -> new ImportPool(2).map(inputs, i -> {
            if (i == 321) {
                throw new IllegalArgumentException("file 321");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("file 321");
    }
}
