package be.biodiversity.portal.gateway.limit;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In-memory rate limits by default; Redis when {@code portal.limits.redis.enabled=true}. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    /** The limits' clock: tests replace it to move time instead of sleeping. */
    @Bean
    @ConditionalOnMissingBean
    TimeMeter limitClock() {
        return TimeMeter.SYSTEM_NANOTIME;
    }

    /** What the services accepted: shared by the guessing throttle and the credential check before an upload. */
    @Bean
    AcceptedTokens acceptedTokens(LimitProperties properties, TimeMeter limitClock) {
        return new AcceptedTokens(properties.acceptedTokens(), properties.editorTokenSha256(), limitClock);
    }

    @Bean
    @ConditionalOnProperty(name = "portal.limits.redis.enabled", havingValue = "false", matchIfMissing = true)
    ClientRateLimiter localRateLimiter(LimitProperties properties, TimeMeter limitClock) {
        return new LocalRateLimiter(properties.maxClients(), limitClock);
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty(name = "portal.limits.redis.enabled", havingValue = "true")
    RedisClient limitsRedisClient() {
        return RedisClient.create();
    }

    @Bean
    @ConditionalOnProperty(name = "portal.limits.redis.enabled", havingValue = "true")
    ClientRateLimiter redisRateLimiter(RedisClient limitsRedisClient,
            @Value("${spring.data.redis.url:redis://localhost:6379}") String url, LimitProperties properties) {
        return new RedisRateLimiter(limitsRedisClient, url, properties.redis());
    }
}
