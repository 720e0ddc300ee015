package be.biodiversity.portal.gateway.limit;

import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this JVM: right for one gateway instance. Buckets that have refilled completely carry no
 * information and are dropped when more than {@code maxClients} are tracked, so memory stays bounded.
 */
class InMemoryRateLimiter implements ClientRateLimiter {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final int maxClients;

    InMemoryRateLimiter(int maxClients) {
        this.maxClients = maxClients;
    }

    @Override
    public Mono<Decision> consume(String key, LimitProperties.Budget budget) {
        long now = System.nanoTime();
        Bucket bucket = this.buckets.get(key);
        if (bucket == null) {
            if (this.buckets.size() >= this.maxClients) {
                this.buckets.values().removeIf(b -> b.full(budget, now));
            }
            bucket = this.buckets.computeIfAbsent(key, k -> new Bucket(budget.requests(), now));
        }
        return Mono.just(bucket.take(budget, now));
    }

    int tracked() {
        return this.buckets.size();
    }

    private static final class Bucket {

        private double tokens;

        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Decision take(LimitProperties.Budget budget, long now) {
            refill(budget, now);
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return new Decision(true, (long) this.tokens, 0);
            }
            double waitNanos = (1 - this.tokens) / budget.perNano();
            return new Decision(false, 0, Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }

        synchronized boolean full(LimitProperties.Budget budget, long now) {
            refill(budget, now);
            return this.tokens >= budget.requests();
        }

        private void refill(LimitProperties.Budget budget, long now) {
            this.tokens = Math.min(budget.requests(), this.tokens + (now - this.updated) * budget.perNano());
            this.updated = now;
        }
    }
}
