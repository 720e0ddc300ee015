package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rendered pages, in two parts that never push each other out (Caffeine, least recently used dropped first when full):
 * <ul>
 * <li>pages by normalised path ({@code max-entries}, nothing kept past {@code stale-if-error}): forgotten as the
 * change feed says what changed;</li>
 * <li>{@link TimedPage}s (GBIF's pages) by site, normalised path and {@link QueryKey}, at most
 * {@code gbif-pages-max-size} bytes: each dropped when its own life ends, all of them on any change of the site.</li>
 * </ul>
 * Counts hits and misses for the metrics.
 */
@Component
class PageCache {

    enum Outcome { HIT, MISS, STALE, BYPASS }

    private final Cache<String, CachedPage> pages;
    private final Cache<String, TimedPage> timed;
    private final Ticker ticker;
    private final ObjectProvider<MeterRegistry> meters;
    private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();
    /** Moves on every change applied: a page rendered while one arrived may be made of what it replaced. */
    private final AtomicLong generation = new AtomicLong();

    PageCache(PageCacheProperties properties, Ticker ticker, ObjectProvider<MeterRegistry> meters) {
        this.ticker = ticker;
        this.meters = meters;
        this.pages = Caffeine.newBuilder().maximumSize(properties.maxEntries())
            .expireAfterWrite(properties.staleIfError()).ticker(ticker).recordStats().build();
        this.timed = Caffeine.newBuilder().maximumWeight(properties.gbifPagesMaxSize().toBytes())
            .<String, TimedPage>weigher((key, page) -> page.weight(key))
            .expireAfter(Expiry.<String, TimedPage>writing((key, page) -> Duration.ofNanos(
                    Math.max(0, page.untilNanos() - ticker.read()))))
            .ticker(ticker).recordStats().build();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, pages, "render.pages");
            CaffeineCacheMetrics.monitor(registry, timed, "render.gbif-pages");
        }
    }

    long now() {
        return ticker.read();
    }

    long generation() {
        return generation.get();
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    /** Keeps a page unless a change was applied while it was being rendered. */
    void put(String key, CachedPage page, long generationAtStart) {
        keep(pages, key, page, generationAtStart);
    }

    /** Forgets a page in every form, fresh and stale (content-service said it is not there). */
    void forget(String key) {
        pages.invalidate(key);
    }

    TimedPage timed(String key) {
        return timed.getIfPresent(key);
    }

    /** Keeps a page for its own life unless a change was applied while it was being rendered. */
    void put(String key, TimedPage page, long generationAtStart) {
        keep(timed, key, page, generationAtStart);
    }

    private <P> void keep(Cache<String, P> cache, String key, P page, long generationAtStart) {
        cache.asMap().compute(key, (k, old) -> generation.get() == generationAtStart ? page : old);
        if (generation.get() != generationAtStart) {
            cache.asMap().remove(key, page);
        }
    }

    void forgetTimed(String key) {
        timed.invalidate(key);
    }

    /** Whether the page kept at a path is a post; null when no page is kept there. */
    Boolean isPost(String path) {
        CachedPage page = pages.getIfPresent(path);
        return page == null ? null : page.post();
    }

    /**
     * Applies changes in order. A page at a changed path, or using it (a language version of it), is forgotten,
     * fresh and stale; so are the listings when the change may be a post, and the sitemap for any page change.
     * After a site-wide change no page is fresh, but each may still stand in for an error.
     */
    void apply(List<ContentChange> changes, java.util.function.Predicate<String> mayBePost) {
        generation.incrementAndGet();
        timed.invalidateAll();
        for (ContentChange change : changes) {
            if (change.site()) {
                pages.asMap().replaceAll((key, page) -> page.staleOnly());
                continue;
            }
            String path = change.path();
            boolean listings = mayBePost.test(path);
            pages.asMap().entrySet().removeIf((entry) -> entry.getKey().equals(path)
                    || entry.getValue().uses().contains(path) || entry.getValue().uses().contains(CachedPage.ALL_PAGES)
                    || (listings && entry.getValue().uses().contains(CachedPage.POSTS)));
        }
        generation.incrementAndGet();
    }

    /** Everything may have changed (the feed lost track): nothing kept is used again, not even stale. */
    void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
        timed.invalidateAll();
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    long timedSize() {
        timed.cleanUp();
        return timed.estimatedSize();
    }

    long timedBytes() {
        timed.cleanUp();
        return timed.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** The counters are looked up once: asking the bean factory on every request is not free. */
    void count(Outcome outcome) {
        Counter counter = counters.computeIfAbsent(outcome, o -> {
            MeterRegistry registry = meters.getIfAvailable();
            return registry == null ? null
                    : registry.counter("portal.render.cache.requests", "result", o.name().toLowerCase());
        });
        if (counter != null) {
            counter.increment();
        }
    }
}
