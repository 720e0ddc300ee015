package be.biodiversity.portal.gateway.cache;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A doorkeeper: a URL is admitted on its second request within a window. Anyone can vary a query string freely;
 * a URL asked for once (a crawler's, an attacker's unique search) passes through without being kept. Remembers
 * up to 50,000 URLs by a 64-bit hash; when an attacker floods it, the cost is only that some real second
 * requests are not admitted.
 */
final class SecondRequestAdmission {

    private final Cache<Long, Boolean> askedOnce;

    SecondRequestAdmission(Duration window, Ticker ticker) {
        this.askedOnce = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(50_000)
                .expireAfterWrite(window).build();
    }

    /** True when {@code url} was asked for once already within the window (which then starts again). */
    boolean admit(String url) {
        Long hash = hash(url);
        if (this.askedOnce.asMap().remove(hash) != null) {
            return true;
        }
        this.askedOnce.put(hash, Boolean.TRUE);
        return false;
    }

    void clear() {
        this.askedOnce.invalidateAll();
    }

    private static long hash(String url) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < url.length(); i++) {
            hash = (hash ^ url.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
