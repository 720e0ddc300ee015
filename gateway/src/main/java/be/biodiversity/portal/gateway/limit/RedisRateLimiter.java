package be.biodiversity.portal.gateway.limit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, shared by every gateway instance: one Lua script refills and takes atomically, using
 * Redis' clock so that the instances' clocks do not matter. When Redis fails or is slow the request is let
 * through (the site stays up) and a warning is logged.
 */
class RedisRateLimiter implements ClientRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) * capacity / period)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * period / capacity)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], period * 2)
            return {allowed, math.floor(tokens), wait}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    private final LimitProperties.Redis properties;

    RedisRateLimiter(ReactiveStringRedisTemplate redis, LimitProperties.Redis properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Mono<Decision> consume(String key, LimitProperties.Budget budget) {
        List<String> args = List.of(String.valueOf(budget.requests()), String.valueOf(budget.period().toMillis()));
        return this.redis.execute(SCRIPT, List.of(this.properties.keyPrefix() + key), args)
                .next()
                .map(RedisRateLimiter::decision)
                .timeout(this.properties.timeout())
                .onErrorResume(ex -> {
                    log.warn("Rate limit not checked, Redis failed: {}", ex.toString());
                    return Mono.just(new Decision(true, budget.requests(), 0));
                });
    }

    private static Decision decision(List<?> result) {
        boolean allowed = ((Number) result.get(0)).longValue() == 1;
        long waitMillis = ((Number) result.get(2)).longValue();
        return new Decision(allowed, ((Number) result.get(1)).longValue(), allowed ? 0 : Math.max(1, (waitMillis + 999) / 1000));
    }
}
