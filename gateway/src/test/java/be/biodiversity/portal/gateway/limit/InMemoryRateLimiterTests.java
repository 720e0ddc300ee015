package be.biodiversity.portal.gateway.limit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTests {

    final LimitProperties.Budget threePerMinute = new LimitProperties.Budget(3, Duration.ofMinutes(1));

    @Test
    void aClientGetsItsBudgetThenWaitsForTheRefill() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(100);
        for (int remaining = 2; remaining >= 0; remaining--) {
            StepVerifier.create(limiter.consume("a", this.threePerMinute))
                    .expectNext(new ClientRateLimiter.Decision(true, remaining, 0)).verifyComplete();
        }
        StepVerifier.create(limiter.consume("a", this.threePerMinute))
                .assertNext(decision -> {
                    assertThat(decision.allowed()).isFalse();
                    assertThat(decision.retryAfterSeconds()).isBetween(19L, 20L);
                }).verifyComplete();
        StepVerifier.create(limiter.consume("b", this.threePerMinute))
                .assertNext(decision -> assertThat(decision.allowed()).isTrue()).verifyComplete();
    }

    @Test
    void budgetsRefillOverTime() throws InterruptedException {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(100);
        LimitProperties.Budget twoPer200ms = new LimitProperties.Budget(2, Duration.ofMillis(200));
        limiter.consume("a", twoPer200ms).block();
        limiter.consume("a", twoPer200ms).block();
        assertThat(limiter.consume("a", twoPer200ms).block().allowed()).isFalse();
        Thread.sleep(150);
        assertThat(limiter.consume("a", twoPer200ms).block().allowed()).isTrue();
    }

    @Test
    void idleClientsAreForgottenWhenTheTableIsFull() throws InterruptedException {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(3);
        LimitProperties.Budget fast = new LimitProperties.Budget(1, Duration.ofMillis(10));
        for (String client : new String[] { "a", "b", "c" }) {
            limiter.consume(client, fast).block();
        }
        Thread.sleep(30);
        limiter.consume("d", fast).block();
        assertThat(limiter.tracked()).isEqualTo(1);
    }

    @Test
    void aBudgetNeedsRequestsAndAPeriod() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new LimitProperties.Budget(0, Duration.ofSeconds(1)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new LimitProperties.Budget(1, Duration.ZERO));
    }
}
