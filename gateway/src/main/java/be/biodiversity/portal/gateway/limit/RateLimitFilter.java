package be.biodiversity.portal.gateway.limit;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Per-client budgets on the API: reads and writes counted apart, writes much stricter. A request over budget
 * answers 429 problem+json with {@code Retry-After}; every API answer says what is left in
 * {@code X-RateLimit-Remaining}. Pages that reach render-service with a query string, and search pages, spend the
 * same read budget in the {@code pages} route ({@link PageBudgetGatewayFilterFactory}); pages the cache answers
 * are free.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private final ClientRateLimiter limiter;

    private final LimitProperties properties;

    RateLimitFilter(ClientRateLimiter limiter, LimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 40;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!RequestClass.of(exchange).isApi()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        boolean write = RequestClass.isWrite(request.getMethod());
        LimitProperties.Budget budget = write ? this.properties.write() : this.properties.read();
        String key = (write ? "write:" : "read:") + this.properties.client(request);
        return this.limiter.consume(key, budget)
                .flatMap(decision -> answered(exchange, budget, decision) ? chain.filter(exchange)
                        : tooMany(exchange, budget, decision, write ? "writes" : "reads"));
    }

    /** Sets the budget headers; {@code true} when the request may go on. */
    static boolean answered(ServerWebExchange exchange, LimitProperties.Budget budget,
            ClientRateLimiter.Decision decision) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-RateLimit-Limit", budget.requests() + ";w=" + budget.period().toSeconds());
        headers.set("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        return decision.allowed();
    }

    static Mono<Void> tooMany(ServerWebExchange exchange, LimitProperties.Budget budget,
            ClientRateLimiter.Decision decision, String what) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "At most " + budget.requests() + " " + what
                + " per " + budget.period().toSeconds() + " s per client; retry in " + decision.retryAfterSeconds()
                + " s.", null);
    }
}
