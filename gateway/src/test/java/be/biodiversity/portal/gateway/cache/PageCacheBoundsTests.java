package be.biodiversity.portal.gateway.cache;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageCacheBoundsTests {

    @Test
    void whenFullOnlyExpiredCopiesMakeRoom() {
        PageCache cache = new PageCache(properties(2, DataSize.ofMegabytes(1)), (MeterRegistry) null);
        store(cache, "/a", 10, Duration.ofMinutes(1));
        store(cache, "/b", 10, Duration.ofMillis(-1));
        store(cache, "/c", 10, Duration.ofMinutes(1));
        store(cache, "/d", 10, Duration.ofMinutes(1));

        assertThat(cache.get("/a")).isNotNull();
        assertThat(cache.get("/b")).isNull();
        assertThat(cache.get("/c")).isNotNull();
        assertThat(cache.get("/d")).isNull();
        assertThat(cache.bytes()).isEqualTo(20);
    }

    @Test
    void theByteBudgetIsKept() {
        PageCache cache = new PageCache(properties(100, DataSize.ofBytes(25)), (MeterRegistry) null);
        store(cache, "/a", 10, Duration.ofMinutes(1));
        store(cache, "/b", 10, Duration.ofMinutes(1));
        store(cache, "/c", 10, Duration.ofMinutes(1));
        store(cache, "/a", 12, Duration.ofMinutes(1));

        assertThat(cache.get("/c")).isNull();
        assertThat(cache.get("/a").body()).hasSize(12);
        assertThat(cache.bytes()).isEqualTo(22);
        cache.clear();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void anExpiredCopyIsKeptForStaleIfErrorAndOnlyExpiredSearchesMakeRoomForIt() {
        PageCache cache = new PageCache(new PageCacheProperties(true, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofMinutes(1), 2, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), DataSize.ofKilobytes(1)),
                (MeterRegistry) null);
        store(cache, "/recent", 10, Duration.ofSeconds(-1));
        store(cache, "/old", 10, Duration.ofMinutes(-2));
        assertThat(cache.stale("/recent")).isNotNull();
        assertThat(cache.stale("/old")).isNull();
        store(cache, "/search?q=a", 10, Duration.ofSeconds(-1));
        assertThat(cache.get("/old")).as("older than stale-if-error: dropped first").isNull();
        assertThat(cache.get("/recent")).isNotNull();
        store(cache, "/new", 10, Duration.ofMinutes(1));
        assertThat(cache.get("/search?q=a")).as("an expired search makes room").isNull();
        assertThat(cache.get("/new")).isNotNull();
        store(cache, "/newer", 10, Duration.ofMinutes(1));
        assertThat(cache.get("/recent")).as("an expired page still stands in for errors").isNotNull();
        assertThat(cache.get("/newer")).as("no room: not kept").isNull();
    }

    @Test
    void aForgottenPageIsGone() {
        PageCache cache = new PageCache(properties(10, DataSize.ofMegabytes(1)), (MeterRegistry) null);
        store(cache, "/moved", 10, Duration.ofMinutes(1));
        cache.forget("/moved");
        assertThat(cache.get("/moved")).isNull();
        assertThat(cache.stale("/moved")).isNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void refreshAfterMayNotExceedMaxAge() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PageCacheProperties(true, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ZERO, 10, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), DataSize.ofKilobytes(1)))
                .withMessageContaining("portal.page-cache.refresh-after");
    }

    private static PageCacheProperties properties(int entries, DataSize total) {
        return new PageCacheProperties(true, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ZERO, entries, total,
                DataSize.ofMegabytes(1), DataSize.ofKilobytes(1));
    }

    private static void store(PageCache cache, String key, int size, Duration ttl) {
        long now = System.nanoTime();
        Sinks.One<CachedPage> fetch = Sinks.one();
        cache.startFetch(key, fetch);
        cache.finishFetch(key, fetch, new CachedPage(new HttpHeaders(), new byte[size], null, "\"x\"", now + ttl.toNanos(),
                now + ttl.toNanos()));
    }
}
