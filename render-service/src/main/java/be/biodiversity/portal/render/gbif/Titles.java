package be.biodiversity.portal.render.gbif;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Titles of datasets and publishers named by key in facets and results. Each is asked of GBIF at the same time; a
 * search page waits for them at most {@code portal.gbif.title-wait} (150 ms): a title that comes later is kept by the
 * client's cache for the next page, and this one shows the key's first characters, so a search never waits a second
 * full round trip for its labels (and is not kept in the page cache: {@link PageLife}). A record page
 * ({@link #waitingFor}) waits as long as for any answer.
 */
@Component
public class Titles {

    private final GbifClient gbif;
    private final Duration wait;
    private final Duration longest;

    Titles(GbifClient gbif, GbifProperties properties) {
        this.gbif = gbif;
        this.wait = properties.titleWait();
        this.longest = properties.responseTimeout().plusSeconds(1);
    }

    /** {@code kind} is {@code dataset} or {@code organization}; the titles found within the short wait, by key. */
    public Mono<Map<String, String>> of(String kind, List<String> keys) {
        return of(kind, keys, wait);
    }

    /** The titles for a record page: waited for as long as any GBIF answer. */
    public Mono<Map<String, String>> waitingFor(String kind, List<String> keys) {
        return of(kind, keys, longest);
    }

    private Mono<Map<String, String>> of(String kind, List<String> keys, Duration wait) {
        return Flux.fromIterable(keys).distinct().filter(key -> SearchSpec.UUID.matcher(key).matches())
                .flatMap(key -> gbif.get("/" + kind + "/" + key, List.of(), Titled.class)
                        .timeout(wait)
                        .filter(answer -> answer.value().title() != null)
                        .map(answer -> Map.entry(key, answer.value().title()))
                        // the page shows the key instead: it is not to be kept like that
                        .onErrorResume(error -> Mono.deferContextual(context -> {
                            PageLife life = PageLife.of(context);
                            if (life != null) {
                                life.notToKeep();
                            }
                            return Mono.empty();
                        })))
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
