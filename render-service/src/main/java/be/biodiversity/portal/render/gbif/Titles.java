package be.biodiversity.portal.render.gbif;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Titles of datasets and publishers named by key in facets and results. Each is asked of GBIF at the same time and
 * waited for at most {@value #WAIT_MILLIS} ms: a title that comes later is kept by the client's cache for the next
 * page, and this one shows the key's first characters. A page never waits a second round trip for its labels.
 */
@Component
public class Titles {

    static final long WAIT_MILLIS = 150;

    private final GbifClient gbif;

    Titles(GbifClient gbif) {
        this.gbif = gbif;
    }

    /** {@code kind} is {@code dataset} or {@code organization}; the titles found, by key. */
    public Mono<Map<String, String>> of(String kind, List<String> keys) {
        return Flux.fromIterable(keys).distinct().filter(key -> SearchSpec.UUID.matcher(key).matches())
                .flatMap(key -> gbif.get("/" + kind + "/" + key, List.of(), Titled.class)
                        .timeout(Duration.ofMillis(WAIT_MILLIS))
                        .filter(answer -> answer.value().title() != null)
                        .map(answer -> Map.entry(key, answer.value().title()))
                        .onErrorResume(error -> Mono.empty()))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    /** The one field of a dataset or an organisation read here. */
    public record Titled(String title) {
    }

    /** A key shown in place of a title not known yet: {@code 1a2b3c4d…}. */
    public static String shortKey(String key) {
        return key == null ? null : key.length() > 8 ? key.substring(0, 8) + "…" : key;
    }
}
