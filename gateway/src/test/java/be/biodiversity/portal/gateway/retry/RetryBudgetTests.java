package be.biodiversity.portal.gateway.retry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryBudgetTests {

    @Test
    void startsWithTheBurstThenEarnsTheRatioOfRequests() {
        RetryBudget budget = new RetryBudget(2, 0.1);
        assertThat(budget.withdraw()).isTrue();
        assertThat(budget.withdraw()).isTrue();
        assertThat(budget.withdraw()).as("the burst is spent").isFalse();
        for (int i = 0; i < 9; i++) {
            budget.deposit();
        }
        assertThat(budget.withdraw()).as("nine requests earn 0.9 of a retry").isFalse();
        budget.deposit();
        assertThat(budget.withdraw()).as("ten requests earn one").isTrue();
        assertThat(budget.withdraw()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        RetryBudget budget = new RetryBudget(1, 1.0);
        for (int i = 0; i < 100; i++) {
            budget.deposit();
        }
        assertThat(budget.withdraw()).isTrue();
        assertThat(budget.withdraw()).isFalse();
    }

    @Test
    void aBudgetOfNothingNeverRetries() {
        RetryBudget budget = new RetryBudget(0, 0);
        budget.deposit();
        assertThat(budget.withdraw()).isFalse();
    }

    @Test
    void refusesARatioAboveOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryBudget(1, 1.5));
    }

}
