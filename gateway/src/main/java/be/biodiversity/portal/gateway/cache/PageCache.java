package be.biodiversity.portal.gateway.cache;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The cached pages by URL, and the fetches in progress, so that only one request per URL goes to render-service
 * at a time while the others wait for its answer (or keep getting the previous copy while it is still young
 * enough). Expired copies are kept for {@code stale-if-error} to be served while render-service cannot answer.
 * Bounded in entries and bytes: when full, copies too old even for that go first, then expired copies of URLs with
 * a query string; new URLs are not cached until there is room.
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

    private final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Sinks.One<CachedPage>> fetches = new ConcurrentHashMap<>();

    private final int maxEntries;

    private final long maxBytes;

    private final long staleNanos;

    private final AtomicLong bytes = new AtomicLong();

    private final Map<Result, Counter> counters = new EnumMap<>(Result.class);

    @Autowired
    PageCache(PageCacheProperties properties, ObjectProvider<MeterRegistry> meters) {
        this(properties, meters.getIfAvailable());
    }

    /** {@code registry} may be {@code null}: nothing is counted then. */
    PageCache(PageCacheProperties properties, MeterRegistry registry) {
        this.maxEntries = properties.maxEntries();
        this.maxBytes = properties.maxTotalSize().toBytes();
        this.staleNanos = properties.staleIfError().toNanos();
        if (registry != null) {
            // Registered once: the fast path counts every request and must not look meters up.
            for (Result result : Result.values()) {
                this.counters.put(result, Counter.builder("portal.gateway.cache.requests")
                        .description("Page requests by how the gateway's page cache answered them")
                        .tag("result", result.name().toLowerCase(Locale.ROOT)).register(registry));
            }
            Gauge.builder("portal.gateway.cache.entries", this.pages, Map::size)
                    .description("Pages held by the gateway's page cache").register(registry);
            Gauge.builder("portal.gateway.cache.size", this.bytes, AtomicLong::get).baseUnit("bytes")
                    .description("Bytes held by the gateway's page cache (identity and gzip copies)").register(registry);
        }
    }

    void count(Result result) {
        Counter counter = this.counters.get(result);
        if (counter != null) {
            counter.increment();
        }
    }

    CachedPage get(String key) {
        return this.pages.get(key);
    }

    /** The copy of {@code key} to serve instead of an error, or {@code null} when there is none young enough. */
    CachedPage stale(String key) {
        CachedPage page = this.pages.get(key);
        return (page != null && System.nanoTime() - (page.expiresAt() + this.staleNanos) < 0) ? page : null;
    }

    /** Registers {@code mine} as the fetch of {@code key}; answers the fetch already running, if any. */
    Sinks.One<CachedPage> startFetch(String key, Sinks.One<CachedPage> mine) {
        return this.fetches.putIfAbsent(key, mine);
    }

    /** The fetch of {@code key} in progress, or {@code null}. */
    Sinks.One<CachedPage> fetchOf(String key) {
        return this.fetches.get(key);
    }

    /** Ends a fetch: stores its page (when there is one) and hands it, or nothing, to whoever waited. */
    void finishFetch(String key, Sinks.One<CachedPage> mine, CachedPage page) {
        if (this.fetches.get(key) != mine) {
            return;
        }
        if (page != null) {
            store(key, page);
        }
        this.fetches.remove(key, mine);
        if (page != null) {
            mine.tryEmitValue(page);
        }
        else {
            mine.tryEmitEmpty();
        }
    }

    void clear() {
        this.pages.forEach(this::remove);
    }

    int size() {
        return this.pages.size();
    }

    long bytes() {
        return this.bytes.get();
    }

    private void store(String key, CachedPage page) {
        if (!this.pages.containsKey(key) && full(page)) {
            dropOlderThan(this.staleNanos, false);
            if (full(page)) {
                // Expired copies of searches (a query string) go before those of pages: a crawler of search URLs
                // must not wipe the copies that stand in for errors of the site's pages.
                dropOlderThan(0, true);
            }
            if (full(page)) {
                return;
            }
        }
        CachedPage previous = this.pages.put(key, page);
        this.bytes.addAndGet(page.size() - ((previous != null) ? previous.size() : 0));
    }

    /** Drops the copies that expired more than {@code nanos} ago (only those with a query string, if so asked). */
    private void dropOlderThan(long nanos, boolean withQueryOnly) {
        long now = System.nanoTime();
        this.pages.forEach((k, p) -> {
            if (now - (p.expiresAt() + nanos) > 0 && (!withQueryOnly || k.indexOf('?') >= 0)) {
                remove(k, p);
            }
        });
    }

    /** Drops the copy of {@code key}: render-service says the page is gone or elsewhere. */
    void forget(String key) {
        CachedPage page = this.pages.get(key);
        if (page != null) {
            remove(key, page);
        }
    }

    private boolean full(CachedPage page) {
        return this.pages.size() >= this.maxEntries || this.bytes.get() + page.size() > this.maxBytes;
    }

    private void remove(String key, CachedPage page) {
        if (this.pages.remove(key, page)) {
            this.bytes.addAndGet(-page.size());
        }
    }
}
