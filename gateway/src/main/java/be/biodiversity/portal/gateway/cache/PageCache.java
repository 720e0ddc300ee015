package be.biodiversity.portal.gateway.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The cached pages by URL (canonical path, and the query string as sent), and the fetches in progress, so that only
 * one request per URL goes to render-service at a time while the others wait for its answer (or keep getting the
 * previous copy while it is still young enough). Expired copies are kept for {@code stale-if-error} to be served
 * while render-service cannot answer.
 * <p>
 * Two Caffeine caches, each bounded by bytes (a weigher) and evicting by W-TinyLFU (a new page displaces a copy only
 * when it is asked for more often): paths without a query string ({@code max-total-size}), whose number is bounded by
 * the site's real pages since only canonical paths answered 200 are kept; and URLs with a query string
 * ({@code max-query-size}), which anyone can vary freely, kept only on their second request within
 * {@code admit-window}. A flood of unique searches therefore never displaces a page without a query. All times come
 * from one {@link Ticker} (a bean when there is one, so that tests move time instead of sleeping).
 */
@Component
class PageCache {

    /**
     * How a page request was answered, counted as {@code portal.gateway.cache.requests{result=…}}: from a copy
     * ({@code hit}, also on the Netty fast path), after waiting for another request's fetch ({@code wait}), by
     * fetching ({@code miss}), through the route without a copy ({@code pass}: HEAD, uncacheable), or with an
     * expired copy instead of an error ({@code stale}).
     */
    enum Result { HIT, WAIT, MISS, PASS, STALE }

    /** Bytes counted for an entry beyond its bodies (key, headers, bookkeeping). */
    private static final int ENTRY_OVERHEAD = 512;

    private final Ticker ticker;

    private final long staleNanos;

    private final Cache<String, CachedPage> pages;

    private final Cache<String, CachedPage> queries;

    private final SecondRequestAdmission admission;

    private final RecentChanges changes;

    private final ConcurrentHashMap<String, Sinks.One<CachedPage>> fetches = new ConcurrentHashMap<>();

    private final Map<Result, Counter> counters = new EnumMap<>(Result.class);

    private final LongAdder fastHits = new LongAdder();

    @Autowired
    PageCache(PageCacheProperties properties, ObjectProvider<MeterRegistry> meters, ObjectProvider<Ticker> ticker) {
        this(properties, meters.getIfAvailable(), ticker.getIfAvailable(Ticker::systemTicker));
    }

    /** {@code registry} may be {@code null}: nothing is counted then. */
    PageCache(PageCacheProperties properties, MeterRegistry registry, Ticker ticker) {
        this.ticker = ticker;
        this.staleNanos = properties.staleIfError().toNanos();
        this.pages = copies(properties.maxTotalSize().toBytes());
        this.queries = copies(properties.maxQuerySize().toBytes());
        this.admission = new SecondRequestAdmission(properties.admitWindow(), ticker);
        this.changes = new RecentChanges(properties.changeSettle(), ticker);
        if (registry != null) {
            // Registered once: the fast path counts every request and must not look meters up.
            for (Result result : Result.values()) {
                this.counters.put(result, Counter.builder("portal.gateway.cache.requests")
                        .description("Page requests by how the gateway's page cache answered them")
                        .tag("result", result.name().toLowerCase(Locale.ROOT)).register(registry));
            }
            Gauge.builder("portal.gateway.cache.entries", this, PageCache::size)
                    .description("Pages held by the gateway's page cache").register(registry);
            Gauge.builder("portal.gateway.cache.size", this, PageCache::bytes).baseUnit("bytes")
                    .description("Bytes held by the gateway's page cache (identity and gzip copies)").register(registry);
            CaffeineCacheMetrics.monitor(registry, this.pages, "gateway.pages");
            CaffeineCacheMetrics.monitor(registry, this.queries, "gateway.pages-with-query");
        }
    }

    private Cache<String, CachedPage> copies(long maxBytes) {
        // Maintenance runs on the calling thread (it is amortised and small), not on the common pool.
        return Caffeine.newBuilder().ticker(this.ticker).executor(Runnable::run).maximumWeight(maxBytes)
                .weigher((String key, CachedPage page) -> (int) Math.min(Integer.MAX_VALUE,
                        page.size() + 2L * key.length() + ENTRY_OVERHEAD))
                .expireAfter(Expiry.writing((String key, CachedPage page) ->
                        Duration.ofNanos(Math.max(0, page.expiresAt() + (page.standsIn() ? this.staleNanos : 0)
                                - this.ticker.read()))))
                .recordStats().build();
    }

    /** The page cache's clock, in nanoseconds; every time in a {@link CachedPage} is a reading of it. */
    long now() {
        return this.ticker.read();
    }

    void count(Result result) {
        Counter counter = this.counters.get(result);
        if (counter != null) {
            counter.increment();
        }
    }

    /** Counts a hit answered by the Netty fast path ({@link CachedPageHandler}). */
    void countFastHit() {
        this.fastHits.increment();
        count(Result.HIT);
    }

    /** Hits the Netty fast path answered since start (a test checks that hits go that way). */
    long fastHits() {
        return this.fastHits.sum();
    }

    CachedPage get(String key) {
        return of(key).getIfPresent(key);
    }

    /** The copy of {@code key} to serve instead of an error, or {@code null} when there is none that may be. */
    CachedPage stale(String key) {
        CachedPage page = get(key);
        return (page != null && page.standsIn() && now() - (page.expiresAt() + this.staleNanos) < 0) ? page : null;
    }

    /** Registers {@code mine} as the fetch of {@code key}; answers the fetch already running, if any. */
    Sinks.One<CachedPage> startFetch(String key, Sinks.One<CachedPage> mine) {
        return this.fetches.putIfAbsent(key, mine);
    }

    /** The fetch of {@code key} in progress, or {@code null}. */
    Sinks.One<CachedPage> fetchOf(String key) {
        return this.fetches.get(key);
    }

    /** Ends a fetch: stores its page (when there is one and it is admitted) and hands it, or nothing, to waiters. */
    void finishFetch(String key, Sinks.One<CachedPage> mine, CachedPage page) {
        if (this.fetches.get(key) != mine) {
            return;
        }
        if (page != null && admitted(key)) {
            // Possibly render-service's text from before a change: served while fresh, never standing in.
            of(key).put(key, this.changes.unsettled(path(key), page.fetchedAt()) ? page.freshOnly() : page);
        }
        this.fetches.remove(key, mine);
        if (page != null) {
            mine.tryEmitValue(page);
        }
        else {
            mine.tryEmitEmpty();
        }
    }

    /** A URL with a query string is kept on its second request within {@code admit-window}; a path at once. */
    private boolean admitted(String key) {
        return key.indexOf('?') < 0 || this.queries.getIfPresent(key) != null || this.admission.admit(key);
    }

    /** Drops the copy of {@code key}: render-service says the page is gone or elsewhere. */
    void forget(String key) {
        of(key).invalidate(key);
    }

    /**
     * Drops every copy (fresh and stale, with any query string) of each of {@code paths} (canonical spellings):
     * content-service's change feed says they were removed or changed.
     */
    void forgetPaths(Collection<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        Set<String> named = new HashSet<>(paths);
        named.forEach(this.changes::changed);
        this.pages.invalidateAll(named);
        this.queries.asMap().keySet().removeIf(key -> named.contains(path(key)));
    }

    /** No copy is fresh any more (a change to the whole site); each may still stand in for an error. */
    void expireAll() {
        long now = now();
        for (Cache<String, CachedPage> cache : List.of(this.pages, this.queries)) {
            cache.asMap().replaceAll((key, page) -> page.expiredBy(now));
        }
    }

    void clear() {
        this.pages.invalidateAll();
        this.queries.invalidateAll();
        this.admission.clear();
    }

    long size() {
        return this.pages.estimatedSize() + this.queries.estimatedSize();
    }

    /** Bytes held, as weighed (bodies plus a fixed overhead per entry). */
    long bytes() {
        return weight(this.pages) + weight(this.queries);
    }

    private static long weight(Cache<String, CachedPage> cache) {
        return cache.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** Runs pending evictions and expirations now (tests read sizes after it). */
    void cleanUp() {
        this.pages.cleanUp();
        this.queries.cleanUp();
    }

    private Cache<String, CachedPage> of(String key) {
        return (key.indexOf('?') < 0) ? this.pages : this.queries;
    }

    private static String path(String key) {
        int query = key.indexOf('?');
        return (query < 0) ? key : key.substring(0, query);
    }
}
