package be.biodiversity.portal.gateway.cache;

import org.springframework.web.server.ServerWebExchange;

/**
 * Whether the page cache answered a request itself. {@link #ATTRIBUTE} holds {@link Boolean#TRUE} on the exchange
 * of every page or asset answered from a kept copy without calling the route ({@code cache=hit} and
 * {@code cache=wait} in the access log); it is set before the answer is written. A stale copy standing in for an
 * error is not "from the cache" in this sense: render-service was asked first. Answers of the Netty fast path
 * ({@code cache=fast}) never reach WebFlux at all. A rate limiter that leaves cache hits free can read
 * {@link #answered(ServerWebExchange)} after the chain, or simply count in a route filter, which a hit never reaches.
 */
public final class FromCache {

    /** The exchange attribute: {@code Boolean.TRUE} when the page cache answered from a kept copy. */
    public static final String ATTRIBUTE = FromCache.class.getName();

    private FromCache() {
    }

    /** True when the page cache answered this exchange from a kept copy. */
    public static boolean answered(ServerWebExchange exchange) {
        return Boolean.TRUE.equals(exchange.getAttribute(ATTRIBUTE));
    }

    static void mark(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, Boolean.TRUE);
    }
}
