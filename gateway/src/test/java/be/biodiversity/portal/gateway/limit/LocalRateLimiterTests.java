package be.biodiversity.portal.gateway.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimiterTests {

    final AtomicLong nanos = new AtomicLong();

    final TimeMeter clock = new TimeMeter() {

        @Override
        public long currentTimeNanos() {
            return LocalRateLimiterTests.this.nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    final LimitProperties.Budget twoPerMinute = new LimitProperties.Budget(2, Duration.ofMinutes(1));

    final LimitProperties.Budget guesses = new LimitProperties.Budget(4, Duration.ofMinutes(12));

    @Test
    void aClientGetsItsBudgetThenWaits() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, this.clock);
        assertThat(limiter.consume("a", this.twoPerMinute).block().remaining()).isEqualTo(1);
        assertThat(limiter.consume("a", this.twoPerMinute).block().allowed()).isTrue();
        ClientRateLimiter.Decision refused = limiter.consume("a", this.twoPerMinute).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        assertThat(limiter.consume("b", this.twoPerMinute).block().allowed()).as("another client").isTrue();

        this.nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limiter.consume("a", this.twoPerMinute).block().allowed()).isTrue();
        assertThat(limiter.consume("a", this.twoPerMinute).block().allowed()).isFalse();
    }

    @Test
    void aFullTableNeverGivesASpentBudgetBack() {
        // The old limiter, when full, refilled every bucket at the rate of the request that just arrived.
        LocalRateLimiter limiter = new LocalRateLimiter(10, this.clock);
        for (int i = 0; i < 4; i++) {
            limiter.consume("auth:attacker", this.guesses).block();
        }
        for (int i = 0; i < 1000; i++) {
            this.nanos.addAndGet(Duration.ofMillis(3).toNanos());
            limiter.consume("read:client-" + i, this.twoPerMinute).block();
        }
        assertThat(limiter.tracked(this.twoPerMinute)).isLessThanOrEqualTo(10);
        assertThat(limiter.consume("auth:attacker", this.guesses).block().allowed())
                .as("3 s later the spent guessing budget is still spent").isFalse();
    }

    @Test
    void aBucketUnusedForAWholePeriodIsForgottenAsItIsFullAnyway() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, this.clock);
        limiter.consume("a", this.twoPerMinute).block();
        limiter.consume("a", this.twoPerMinute).block();
        this.nanos.addAndGet(Duration.ofMinutes(1).plusMillis(1).toNanos());
        assertThat(limiter.tracked(this.twoPerMinute)).isZero();
        assertThat(limiter.consume("a", this.twoPerMinute).block().remaining()).isEqualTo(1);
    }
}
