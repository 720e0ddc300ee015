package be.biodiversity.portal.render.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rendered pages by normalised path (Caffeine: least recently used dropped first when full, nothing kept past
 * {@code stale-if-error}). Forgets what the change feed says changed; counts hits and misses for the metrics.
 */
@Component
class PageCache {

    enum Outcome { HIT, MISS, STALE, BYPASS }

    private final Cache<String, CachedPage> pages;
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
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, pages, "render.pages");
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
        pages.asMap().compute(key, (k, old) -> generation.get() == generationAtStart ? page : old);
        if (generation.get() != generationAtStart) {
            pages.asMap().remove(key, page);
        }
    }

    /** Forgets a page in every form, fresh and stale (content-service said it is not there). */
    void forget(String key) {
        pages.invalidate(key);
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
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
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
