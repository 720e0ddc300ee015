package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The providers' answers, kept for the next render: a page rendered again does not ask again what it asked a
 * moment ago.
 * <ul>
 * <li>content-service answers are used until the change feed says what they depend on changed (a page's path; for
 * a page's language versions, one of those versions; a post for listings; for the site's settings, a page in a
 * language it does not list or a removed page; a site-wide change for everything), and at most {@code max-age};
 * while the site revision cannot be read they are not kept.</li>
 * <li>directory-service has no revision: its answers are used again for at most {@code directory-max-age}.</li>
 * </ul>
 * Only answers are kept (an empty one too, e.g. "no such page"), never failures, and an answer not there
 * within {@link #ANSWER_TIMEOUT} fails and is forgotten. Requests for the same answer
 * made while it is on its way share the one call.
 */
public class AnswerCache {

    /** Keeps nothing: every call asks the provider. */
    public static final AnswerCache NONE = new AnswerCache();

    /** An answer only a site-wide change alters (site data, counts). */
    public static final String SITE = "site";
    /** A listing of posts (archive, feed, related and latest posts). */
    public static final String POSTS = "posts";
    /** The language versions of a page: any page change may alter them. */
    public static final String TRANSLATIONS = "translations";
    /**
     * An answer that says itself which changes alter it ({@link ChangedBy}, once it has arrived); until then any
     * page change does.
     */
    public static final String OWN = "own";

    private final SiteRevision revision;
    private final Ticker ticker;
    private final Duration contentMaxAge;
    private final Duration directoryMaxAge;
    private final Cache<String, Entry> entries;
    private final ObjectProvider<MeterRegistry> meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * The longest a kept answer may be on its way: longer than any client's own timeout. An answer that never
     * completes (a provider that hangs, an error thrown past Reactor) would otherwise be shared by every later
     * request for it, each of them hanging; after this it fails, is forgotten and the next request asks again.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private record Entry(Mono<Optional<Object>> answer, boolean content, String dependsOn, long bornNanos,
            AtomicReference<ChangedBy> changedBy) {

        /** Whether this content answer may be altered by a change to one page. */
        boolean alteredBy(ContentChange change, String page, boolean listings, PagePaths paths) {
            if (!content) {
                return false;
            }
            return switch (dependsOn) {
                case TRANSLATIONS -> true;
                case POSTS -> listings;
                case SITE -> false;
                case OWN -> {
                    ChangedBy own = changedBy.get();
                    yield own == null || own.test(change, paths);
                }
                default -> dependsOn.equals(page);
            };
        }
    }

    /**
     * Which page changes alter an answer, told by the answer: e.g. a page's language versions are altered only by a
     * change to one of them (content-service names every version whose language switch a write changed).
     */
    @FunctionalInterface
    public interface ChangedBy {

        /** @param paths how a permalink in the answer becomes the key the change's path is given as */
        boolean test(ContentChange change, PagePaths paths);
    }

    AnswerCache(SiteRevision revision, PageCacheProperties properties, Ticker ticker,
            ObjectProvider<MeterRegistry> meters) {
        this.revision = revision;
        this.ticker = ticker;
        this.contentMaxAge = properties.maxAge();
        this.directoryMaxAge = properties.directoryMaxAge();
        this.meters = meters;
        Duration longest = contentMaxAge.compareTo(directoryMaxAge) > 0 ? contentMaxAge : directoryMaxAge;
        this.entries = Caffeine.newBuilder().maximumSize(properties.answerMaxEntries()).expireAfterWrite(longest)
            .ticker(ticker).recordStats().build();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, entries, "render.answers");
        }
    }

    private AnswerCache() {
        this.revision = null;
        this.ticker = null;
        this.contentMaxAge = Duration.ZERO;
        this.directoryMaxAge = Duration.ZERO;
        this.meters = null;
        this.entries = null;
    }

    /** The path-dependency of the answer about one page: forgotten when that path changes. */
    public static String page(String path) {
        return "page " + path;
    }

    /** A content-service answer that only a site-wide change alters. */
    public <T> Mono<T> content(String key, Supplier<Mono<T>> fetch) {
        return content(key, SITE, fetch);
    }

    /**
     * A content-service answer, used again until a change to what it depends on: {@link #page(String)},
     * {@link #TRANSLATIONS}, {@link #POSTS} or {@link #SITE}.
     */
    public <T> Mono<T> content(String key, String dependsOn, Supplier<Mono<T>> fetch) {
        return content(key, dependsOn, fetch, null);
    }

    /**
     * A content-service answer, used again until a change that {@code changedBy} says alters it (any page change
     * while it is on its way), a site-wide change, or {@code max-age}.
     */
    public <T> Mono<T> content(String key, Function<T, ChangedBy> changedBy, Supplier<Mono<T>> fetch) {
        return content(key, OWN, fetch, changedBy);
    }

    private <T> Mono<T> content(String key, String dependsOn, Supplier<Mono<T>> fetch,
            Function<T, ChangedBy> changedBy) {
        if (entries == null) {
            return Mono.defer(fetch);
        }
        return Mono.defer(() -> revision.current() == SiteRevision.UNKNOWN ? fetch.get()
                : answer("content", "content " + key, dependsOn, fetch, contentMaxAge, changedBy));
    }

    /** A directory-service answer, used again for at most {@code directory-max-age}. */
    public <T> Mono<T> directory(String key, Supplier<Mono<T>> fetch) {
        if (entries == null || directoryMaxAge.isZero()) {
            return Mono.defer(fetch);
        }
        return Mono.defer(() -> answer("directory", "directory " + key, null, fetch, directoryMaxAge, null));
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<T> answer(String provider, String key, String dependsOn, Supplier<Mono<T>> fetch,
            Duration maxAge, Function<T, ChangedBy> changedBy) {
        long now = ticker.read();
        Entry[] created = new Entry[1];
        Entry entry = entries.asMap().compute(key, (k, old) -> {
            if (old != null && now - old.bornNanos() < maxAge.toNanos()) {
                return old;
            }
            AtomicReference<ChangedBy> own = new AtomicReference<>();
            Mono<Optional<Object>> answer = Mono.defer(fetch)
                    .doOnNext(value -> {
                        if (changedBy != null) {
                            own.set(changedBy.apply(value));
                        }
                    })
                    .map(value -> Optional.<Object>of(value))
                    // an empty answer says nothing: any page change alters it, as while it was on its way
                    .defaultIfEmpty(Optional.empty())
                    .timeout(ANSWER_TIMEOUT)
                    .doOnError(ex -> entries.asMap().remove(k, created[0]))
                    .cache();
            created[0] = new Entry(answer, dependsOn != null, dependsOn, now, own);
            return created[0];
        });
        count(provider, entry != created[0]);
        return entry.answer().flatMap(value -> Mono.justOrEmpty((Optional<T>) (Optional<?>) value));
    }

    /**
     * Forgets the content answers the changes alter: for a page, the answers about its path, those whose own
     * {@link ChangedBy} names it (its language versions), and the post listings when it may be a post; for a
     * site-wide change, every content answer.
     */
    void apply(List<ContentChange> changes, Predicate<String> mayBePost, PagePaths paths) {
        if (entries == null) {
            return;
        }
        for (ContentChange change : changes) {
            if (change.site()) {
                clear();
                continue;
            }
            boolean listings = mayBePost.test(change.path());
            String page = page(change.path());
            entries.asMap().values().removeIf(entry -> entry.alteredBy(change, page, listings, paths));
        }
    }

    /** Forgets every content-service answer. */
    void clear() {
        if (entries != null) {
            entries.asMap().values().removeIf(Entry::content);
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
