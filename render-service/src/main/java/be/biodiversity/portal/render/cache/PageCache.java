package be.biodiversity.portal.render.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Rendered pages by path, least recently used dropped first; counts hits and misses for the metrics. */
@Component
class PageCache {

    enum Outcome { HIT, MISS, STALE, BYPASS }

    private final Map<String, CachedPage> pages;
    private final ObjectProvider<MeterRegistry> meters;
    private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();

    PageCache(PageCacheProperties properties, ObjectProvider<MeterRegistry> meters) {
        int max = properties.maxEntries();
        this.pages = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedPage> eldest) {
                return size() > max;
            }
        };
        this.meters = meters;
    }

    synchronized CachedPage get(String key) {
        return pages.get(key);
    }

    synchronized void put(String key, CachedPage page) {
        pages.put(key, page);
    }

    synchronized int size() {
        return pages.size();
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
