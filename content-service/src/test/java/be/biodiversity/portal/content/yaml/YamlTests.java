package be.biodiversity.portal.content.yaml;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Front matter and data files are read with YAML 1.1's implicit types, by one resolver the import's threads share;
 * a malformed text names its line in the file.
 */
class YamlTests {

    private static final String FRONT_MATTER = """
            title: Belgian publishers
            order: 3
            weight: 2.5
            published: true
            hidden: no
            empty: ~
            date: 2024-05-17
            version: "3"
            tags: [data, 7, false]
            """;

    @Test
    void scalarsGetTheirImplicitTypes() {
        Map<?, ?> values = (Map<?, ?>) Yaml.load(FRONT_MATTER, 2);
        assertThat(values.get("title")).isEqualTo("Belgian publishers");
        assertThat(values.get("order")).isEqualTo(3);
        assertThat(values.get("weight")).isEqualTo(2.5);
        assertThat(values.get("published")).isEqualTo(true);
        assertThat(values.get("hidden")).isEqualTo(false);
        assertThat(values.containsKey("empty")).isTrue();
        assertThat(values.get("empty")).isNull();
        assertThat(values.get("date")).isInstanceOf(Date.class);
        assertThat(values.get("version")).isEqualTo("3");
        assertThat(values.get("tags")).isEqualTo(List.of("data", 7, false));
    }

    @Test
    void threadsReadingAtOnceReadWhatOneThreadReads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(FRONT_MATTER + "n: " + i + "\nratio: " + i + ".5\nflag: " + (i % 2 == 0 ? "yes" : "off")
                    + "\nwhen: 2020-01-" + (10 + i % 20) + "\nname: page-" + i + "\n");
        }
        List<Object> alone = texts.stream().map(text -> Yaml.load(text, 2)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Object> read = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        read.clear();
                        texts.forEach(text -> read.add(Yaml.load(text, 2)));
                    }
                    return read;
                }));
            }
            for (Future<List<Object>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedTextNamesItsLineInTheFile() {
        assertThatThrownBy(() -> Yaml.load("title: ok\nlist: [a, b\n", 2))
                .isInstanceOfSatisfying(Yaml.YamlException.class, ex -> assertThat(ex.line()).isGreaterThanOrEqualTo(3));
    }
}
