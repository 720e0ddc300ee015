package be.biodiversity.portal.gateway.cache;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The paths content-service's change feed named lately, and when. A copy of such a path fetched before, or within
 * {@code settle} after, that moment may be render-service's old text (it learns of changes by its own poll), so it
 * may be served while fresh but is never kept to stand in for an error.
 */
final class RecentChanges {

    private final Cache<String, Long> changed;

    private final Ticker ticker;

    private final long settleNanos;

    RecentChanges(Duration settle, Ticker ticker) {
        this.ticker = ticker;
        this.settleNanos = settle.toNanos();
        // Kept long enough for a fetch that started before the change to end (the route's time limit is seconds).
        this.changed = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(10_000)
                .expireAfterWrite(settle.plusMinutes(1)).build();
    }

    /** The feed named {@code path} now. */
    void changed(String path) {
        this.changed.put(path, this.ticker.read());
    }

    /** True when a copy of {@code path} fetched at {@code fetchedAt} may hold text from before a change. */
    boolean unsettled(String path, long fetchedAt) {
        Long changedAt = this.changed.getIfPresent(path);
        return changedAt != null && fetchedAt - (changedAt + this.settleNanos) < 0;
    }
}
