package be.biodiversity.portal.gateway.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The page cache's clock in tests: time moves only when a test says so. */
final class ManualTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(System.nanoTime());

    @Override
    public long read() {
        return this.nanos.get();
    }

    void advance(Duration duration) {
        this.nanos.addAndGet(duration.toNanos());
    }

    /** Import into a {@code @SpringBootTest} to give its page cache a {@link ManualTicker}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        ManualTicker manualTicker() {
            return new ManualTicker();
        }
    }
}
