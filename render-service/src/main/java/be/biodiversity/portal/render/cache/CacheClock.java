package be.biodiversity.portal.render.cache;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every cache rule reads (ages, max-age, stale-if-error, how recent the site revision is): Caffeine's
 * {@link Ticker}. Tests declare a {@code @Primary} ticker of their own and move time instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
class CacheClock {

    @Bean
    Ticker cacheTicker() {
        return Ticker.systemTicker();
    }
}
