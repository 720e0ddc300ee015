package be.biodiversity.portal.gateway.limit;

import reactor.core.publisher.Mono;

/** Takes one request from a client's budget. */
interface ClientRateLimiter {

    Mono<Decision> consume(String key, LimitProperties.Budget budget);

    /**
     * @param remaining requests left right now
     * @param retryAfterSeconds when refused: seconds until the next request would be accepted
     */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }
}
