package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The providers' answers, kept for the next render: a page rendered again (after an edit elsewhere on the site,
 * or with the page cache off) does not ask again what it asked a moment ago.
 * <ul>
 * <li>content-service answers are used again while its site revision is the one read before asking (the poll of
 * the page cache), so an edit shows as soon as the page cache sees it; while no revision can be read they are
 * not kept.</li>
 * <li>directory-service has no revision: its answers are used again for at most {@code directory-max-age}.</li>
 * </ul>
 * Only answers are kept (an empty one too, e.g. "no such page"), never failures. Requests for the same answer
 * made while it is on its way share the one call.
 */
public class AnswerCache {

    /** Keeps nothing: every call asks the provider. */
    public static final AnswerCache NONE = new AnswerCache();

    private final ContentRevision revision;
    private final Duration contentMaxAge;
    private final Duration directoryMaxAge;
    private final Map<String, Entry> entries;
    private final ObjectProvider<MeterRegistry> meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private record Entry(Mono<Optional<Object>> answer, long revision, long bornNanos) {
    }

    AnswerCache(ContentRevision revision, PageCacheProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.revision = revision;
        this.contentMaxAge = properties.maxAge();
        this.directoryMaxAge = properties.directoryMaxAge();
        this.meters = meters;
        int max = properties.answerMaxEntries();
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > max;
            }
        };
    }

    private AnswerCache() {
        this.revision = null;
        this.contentMaxAge = Duration.ZERO;
        this.directoryMaxAge = Duration.ZERO;
        this.meters = null;
        this.entries = null;
    }

    /** A content-service answer, used again while the site revision stays the same. */
    public <T> Mono<T> content(String key, Supplier<Mono<T>> fetch) {
        if (entries == null) {
            return Mono.defer(fetch);
        }
        return Mono.defer(() -> {
            long current = revision.current();
            return current == ContentRevision.UNKNOWN ? fetch.get()
                    : answer("content", "content " + key, fetch, current, contentMaxAge);
        });
    }

    /** A directory-service answer, used again for at most {@code directory-max-age}. */
    public <T> Mono<T> directory(String key, Supplier<Mono<T>> fetch) {
        if (entries == null || directoryMaxAge.isZero()) {
            return Mono.defer(fetch);
        }
        return Mono.defer(() -> answer("directory", "directory " + key, fetch, 0, directoryMaxAge));
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<T> answer(String provider, String key, Supplier<Mono<T>> fetch, long atRevision,
            Duration maxAge) {
        long now = System.nanoTime();
        Entry entry;
        boolean hit;
        synchronized (entries) {
            entry = entries.get(key);
            hit = entry != null && entry.revision() == atRevision && now - entry.bornNanos() < maxAge.toNanos();
            if (!hit) {
                Entry[] created = new Entry[1];
                Mono<Optional<Object>> answer = fetch.get().map(value -> Optional.<Object>of(value))
                        .defaultIfEmpty(Optional.empty())
                        .doOnError(ex -> forget(key, created[0]))
                        .cache();
                created[0] = new Entry(answer, atRevision, now);
                entry = created[0];
                entries.put(key, entry);
            }
        }
        count(provider, hit);
        return entry.answer().flatMap(value -> Mono.justOrEmpty((Optional<T>) (Optional<?>) value));
    }

    private void forget(String key, Entry entry) {
        synchronized (entries) {
            entries.remove(key, entry);
        }
    }

    /** The counters are looked up once: asking the bean factory on every call costs more than the answer. */
    private void count(String provider, boolean hit) {
        String result = hit ? "hit" : "miss";
        Counter counter = counters.computeIfAbsent(provider + result, k -> {
            MeterRegistry registry = meters.getIfAvailable();
            return registry == null ? null
                    : registry.counter("portal.render.answers", "provider", provider, "result", result);
        });
        if (counter != null) {
            counter.increment();
        }
    }
}
