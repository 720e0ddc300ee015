package be.biodiversity.portal.gateway.limit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Bucket4j token buckets in Redis (through Lettuce), shared by every gateway instance: Bucket4j updates a bucket
 * with compare-and-swap, so instances never lose each other's updates. Keys expire once their bucket would have
 * refilled. The connection is made on first use; when Redis fails or is slower than {@code timeout} the request is
 * let through (the site stays up), a warning is logged, and the next request connects again.
 */
class RedisRateLimiter implements ClientRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;

    private final RedisURI uri;

    private final LimitProperties.Redis properties;

    private volatile Mono<AsyncProxyManager<String>> buckets;

    RedisRateLimiter(RedisClient client, String url, LimitProperties.Redis properties) {
        this.client = client;
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(properties.timeout());
        this.properties = properties;
        this.buckets = connect();
    }

    private Mono<AsyncProxyManager<String>> connect() {
        return Mono.fromCompletionStage(() -> this.client.connectAsync(CODEC, this.uri))
                .map(connection -> Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build().asAsync())
                .doOnError(ex -> this.buckets = connect())
                .cache();
    }

    @Override
    public Mono<Decision> consume(String key, LimitProperties.Budget budget) {
        return this.buckets
                .flatMap(manager -> Mono.fromCompletionStage(() -> manager.builder()
                        .build(this.properties.keyPrefix() + key, budget.configuration())
                        .tryConsumeAndReturnRemaining(1)))
                .map(LocalRateLimiter::decision)
                .timeout(this.properties.timeout())
                .onErrorResume(ex -> {
                    log.warn("Rate limit not checked, Redis failed: {}", ex.toString());
                    return Mono.just(new Decision(true, budget.requests(), 0));
                });
    }
}
