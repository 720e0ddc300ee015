package be.biodiversity.portal.gateway.limit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** In-memory rate limits by default; Redis when {@code portal.limits.redis.enabled=true}. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    @ConditionalOnProperty(name = "portal.limits.redis.enabled", havingValue = "false", matchIfMissing = true)
    ClientRateLimiter inMemoryRateLimiter(LimitProperties properties) {
        return new InMemoryRateLimiter(properties.maxClients());
    }

    @Bean
    @ConditionalOnProperty(name = "portal.limits.redis.enabled", havingValue = "true")
    ClientRateLimiter redisClientRateLimiter(ReactiveStringRedisTemplate redis, LimitProperties properties) {
        return new RedisRateLimiter(redis, properties.redis());
    }
}
