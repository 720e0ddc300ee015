package be.biodiversity.portal.gateway.cache;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The cache's bounds, admission and expiry, with time moved by a {@link ManualTicker}. */
class PageCacheBoundsTests {

    private final ManualTicker ticker = new ManualTicker();

    @Test
    void aFullCacheEvictsInsteadOfRefusingNewPages() {
        PageCache cache = cache(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64));
        for (int i = 0; i < 200; i++) {
            store(cache, "/page-" + i, 1000, Duration.ofMinutes(1));
        }
        cache.cleanUp();
        assertThat(cache.bytes()).isLessThanOrEqualTo(DataSize.ofKilobytes(64).toBytes());
        // Before, a full cache refused every new page until old ones expired.
        store(cache, "/visited-later", 1000, Duration.ofMinutes(1));
        store(cache, "/visited-later", 1000, Duration.ofMinutes(1));
        assertThat(cache.get("/visited-later")).isNotNull();
    }

    @Test
    void aFloodOfOneOffSearchesNeverDisplacesPagesNorPopularSearches() {
        PageCache cache = cache(DataSize.ofKilobytes(64), DataSize.ofKilobytes(16));
        store(cache, "/nl/community", 1000, Duration.ofMinutes(1));
        for (int i = 0; i < 2; i++) {
            store(cache, "/publisher/search?q=popular", 1000, Duration.ofMinutes(1));
        }
        for (int round = 0; round < 5; round++) {
            cache.get("/publisher/search?q=popular");
        }
        for (int i = 0; i < 5_000; i++) {
            store(cache, "/publisher/search?q=junk-" + i, 1000, Duration.ofMinutes(1));
        }
        cache.cleanUp();
        assertThat(cache.get("/nl/community")).isNotNull();
        assertThat(cache.get("/publisher/search?q=popular")).isNotNull();
        assertThat(cache.get("/publisher/search?q=junk-4999")).as("asked for once: not kept").isNull();
    }

    @Test
    void aUrlWithAQueryIsKeptOnItsSecondRequestWithinTheWindow() {
        PageCache cache = cache(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));
        store(cache, "/search?q=a", 10, Duration.ofMinutes(1));
        assertThat(cache.get("/search?q=a")).isNull();
        store(cache, "/search?q=a", 10, Duration.ofMinutes(1));
        assertThat(cache.get("/search?q=a")).isNotNull();

        store(cache, "/search?q=b", 10, Duration.ofMinutes(1));
        this.ticker.advance(Duration.ofMinutes(2));
        store(cache, "/search?q=b", 10, Duration.ofMinutes(1));
        assertThat(cache.get("/search?q=b")).as("second request after the window").isNull();
    }

    @Test
    void anExpiredCopyStandsInForErrorsUntilStaleIfErrorHasPassed() {
        PageCache cache = cache(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));
        store(cache, "/page", 10, Duration.ofSeconds(1));
        assertThat(cache.stale("/page")).isNotNull();
        this.ticker.advance(Duration.ofSeconds(1).plus(Duration.ofMinutes(1)).minusMillis(1));
        assertThat(cache.stale("/page")).isNotNull();
        this.ticker.advance(Duration.ofMillis(2));
        assertThat(cache.stale("/page")).isNull();
        assertThat(cache.get("/page")).as("evicted once past stale-if-error").isNull();
    }

    @Test
    void aForgottenPageIsGoneWithEveryQueryOfIt() {
        PageCache cache = cache(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));
        store(cache, "/x", 10, Duration.ofMinutes(1));
        store(cache, "/x?a=1", 10, Duration.ofMinutes(1));
        store(cache, "/x?a=1", 10, Duration.ofMinutes(1));
        store(cache, "/y", 10, Duration.ofMinutes(1));
        cache.forgetPaths(java.util.List.of("/x"));
        assertThat(cache.get("/x")).isNull();
        assertThat(cache.get("/x?a=1")).isNull();
        assertThat(cache.stale("/x")).isNull();
        assertThat(cache.get("/y")).isNotNull();
    }

    @Test
    void aCopyFetchedJustAfterItsPathChangedIsServedFreshButNeverStandsIn() {
        PageCache cache = cache(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));
        long fetchStarted = this.ticker.read();
        cache.forgetPaths(java.util.List.of("/x"));
        store(cache, "/x", 10, Duration.ofSeconds(1), fetchStarted);
        assertThat(cache.get("/x")).isNotNull();
        assertThat(cache.stale("/x")).as("render-service may still have had the old text").isNull();

        this.ticker.advance(Duration.ofSeconds(6));
        store(cache, "/x", 10, Duration.ofSeconds(1));
        assertThat(cache.stale("/x")).isNotNull();
    }

    @Test
    void aChangeToTheWholeSiteLeavesNoCopyFreshButEveryOneStandingIn() {
        PageCache cache = cache(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1));
        store(cache, "/x", 10, Duration.ofMinutes(1));
        cache.expireAll();
        this.ticker.advance(Duration.ofNanos(1));
        CachedPage page = cache.get("/x");
        assertThat(page.refreshAt() - this.ticker.read()).isNegative();
        assertThat(page.expiresAt() - this.ticker.read()).isNegative();
        assertThat(cache.stale("/x")).isNotNull();
    }

    @Test
    void cacheStatisticsReachMicrometer() {
        MeterRegistry registry = new SimpleMeterRegistry();
        PageCache cache = new PageCache(properties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1)), registry,
                this.ticker);
        store(cache, "/x", 10, Duration.ofMinutes(1));
        cache.get("/x");
        cache.get("/y");
        assertThat(registry.get("cache.gets").tag("cache", "gateway.pages").tag("result", "hit")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("portal.gateway.cache.size").gauge().value()).isPositive();
    }

    @Test
    void refreshAfterMayNotExceedMaxAge() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PageCacheProperties(true, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ZERO, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), DataSize.ofMegabytes(1), DataSize.ofKilobytes(1), true, Duration.ofMillis(300),
                Duration.ofSeconds(5)))
                .withMessageContaining("portal.page-cache.refresh-after");
    }

    private PageCache cache(DataSize total, DataSize withQuery) {
        return new PageCache(properties(total, withQuery), (MeterRegistry) null, this.ticker);
    }

    private static PageCacheProperties properties(DataSize total, DataSize withQuery) {
        return new PageCacheProperties(true, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(1),
                total, withQuery, Duration.ofMinutes(1), DataSize.ofMegabytes(1), DataSize.ofKilobytes(1), true,
                Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    private void store(PageCache cache, String key, int size, Duration ttl) {
        store(cache, key, size, ttl, this.ticker.read());
    }

    private void store(PageCache cache, String key, int size, Duration ttl, long fetchStarted) {
        long now = this.ticker.read();
        Sinks.One<CachedPage> fetch = Sinks.one();
        cache.startFetch(key, fetch);
        cache.finishFetch(key, fetch, new CachedPage(new HttpHeaders(), new byte[size], null, "\"x\"", fetchStarted,
                now + ttl.toNanos(), now + ttl.toNanos(), true));
    }
}
