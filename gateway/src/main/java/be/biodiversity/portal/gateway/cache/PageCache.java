package be.biodiversity.portal.gateway.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The cached pages by URL, and the fetches in progress, so that only one request per URL goes to render-service
 * at a time while the others wait for its answer (or keep getting the previous copy while it is still young
 * enough). Bounded in entries and bytes: when full, expired copies are dropped and new URLs are not cached until
 * there is room.
 */
@Component
class PageCache {

    private final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Sinks.One<CachedPage>> fetches = new ConcurrentHashMap<>();

    private final int maxEntries;

    private final long maxBytes;

    private final AtomicLong bytes = new AtomicLong();

    PageCache(PageCacheProperties properties) {
        this.maxEntries = properties.maxEntries();
        this.maxBytes = properties.maxTotalSize().toBytes();
    }

    CachedPage get(String key) {
        return this.pages.get(key);
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
            long now = System.nanoTime();
            this.pages.forEach((k, p) -> {
                if (now - p.expiresAt() > 0) {
                    remove(k, p);
                }
            });
            if (full(page)) {
                return;
            }
        }
        CachedPage previous = this.pages.put(key, page);
        this.bytes.addAndGet(page.size() - ((previous != null) ? previous.size() : 0));
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
