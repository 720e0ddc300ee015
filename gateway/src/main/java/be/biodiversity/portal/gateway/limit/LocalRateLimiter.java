package be.biodiversity.portal.gateway.limit;

import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/**
 * Bucket4j token buckets in this JVM: right for one gateway instance. Each budget has its own table of buckets
 * (a bounded Caffeine map), so clients of one budget never crowd out or change those of another. A bucket unused
 * for one whole period has refilled completely and carries no information: it expires then, which bounds memory
 * without giving anyone tokens back early; past {@code maxClients} per budget the least valuable are evicted.
 */
class LocalRateLimiter implements ClientRateLimiter {

    private final ConcurrentHashMap<LimitProperties.Budget, Cache<String, Bucket>> tables = new ConcurrentHashMap<>();

    private final int maxClients;

    private final TimeMeter clock;

    LocalRateLimiter(int maxClients, TimeMeter clock) {
        this.maxClients = maxClients;
        this.clock = clock;
    }

    @Override
    public Mono<Decision> consume(String key, LimitProperties.Budget budget) {
        Bucket bucket = table(budget).get(key, k -> Bucket.builder().addLimit(budget.bandwidth())
                .withCustomTimePrecision(this.clock).build());
        return Mono.just(decision(bucket.tryConsumeAndReturnRemaining(1)));
    }

    long tracked(LimitProperties.Budget budget) {
        Cache<String, Bucket> table = this.tables.get(budget);
        if (table == null) {
            return 0;
        }
        table.cleanUp();
        return table.estimatedSize();
    }

    private Cache<String, Bucket> table(LimitProperties.Budget budget) {
        return this.tables.computeIfAbsent(budget, b -> Caffeine.newBuilder()
                .maximumSize(this.maxClients)
                .expireAfterAccess(b.period())
                .ticker(this.clock::currentTimeNanos)
                .executor(Runnable::run)
                .build());
    }

    static Decision decision(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return new Decision(false, 0, Math.max(1, seconds));
    }
}
