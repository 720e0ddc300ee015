package be.biodiversity.portal.gateway.retry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many timed-out requests may be sent again: a balance that starts full at {@code burst}, earns {@code ratio} of
 * a retry for every request that may be retried (up to {@code burst}) and pays one for each retry. A just-started
 * service's first slow answers are retried (the balance is full after normal traffic); when every answer is slow —
 * an overloaded service — at most {@code ratio} of the requests are sent twice, never all of them. Counted in
 * thousandths of a retry; no clock.
 */
final class RetryBudget {

    private static final long ONE = 1000;

    private final long max;

    private final long perRequest;

    private final AtomicLong balance;

    RetryBudget(int burst, double ratio) {
        if (burst < 0 || ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("retry budget: burst >= 0 and 0 <= ratio <= 1, not " + burst + ", "
                    + ratio);
        }
        this.max = burst * ONE;
        this.perRequest = Math.round(ratio * ONE);
        this.balance = new AtomicLong(this.max);
    }

    /** A request that could be retried was sent. */
    void deposit() {
        this.balance.updateAndGet((now) -> Math.min(this.max, now + this.perRequest));
    }

    /** Takes one retry from the balance if there is one. */
    boolean withdraw() {
        return this.balance.getAndUpdate((now) -> (now >= ONE) ? now - ONE : now) >= ONE;
    }

}
