package be.biodiversity.portal.gateway.limit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes guessing the editor token hopeless: every API request that needs or carries credentials (a write, or any
 * request with {@code Authorization}, such as an editor's read of drafts) and is refused for them (401 or 403)
 * takes one from the client's {@code portal.limits.auth-failures} budget. Once it is spent, that client's
 * credentialed requests get 429 at the gateway, without reaching a service, until one failure has been forgiven
 * (with the defaults: 5 failures at once, then one every 3 minutes). Public reads are never affected. With Redis
 * the budget is shared by the gateway instances; the resulting block is kept by the instance that saw the last
 * failure.
 */
@Component
class AuthFailureFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureFilter.class);

    private final ClientRateLimiter limiter;

    private final LimitProperties properties;

    /** Blocked clients and until when ({@link System#nanoTime()}). */
    private final ConcurrentHashMap<String, Long> blocked = new ConcurrentHashMap<>();

    AuthFailureFilter(ClientRateLimiter limiter, LimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 41;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean credentialed = RateLimitFilter.isWrite(request.getMethod())
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        if (!RequestClass.of(exchange).isApi() || !credentialed) {
            return chain.filter(exchange);
        }
        String client = this.properties.client(request);
        long now = System.nanoTime();
        Long until = this.blocked.get(client);
        if (until != null && now - until < 0) {
            long seconds = Math.max(1, Duration.ofNanos(until - now).toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client were "
                    + "refused for their credentials; retry in " + seconds + " s.", null);
        }
        if (until != null) {
            this.blocked.remove(client, until);
        }
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            boolean refused = status != null && (status.value() == 401 || status.value() == 403);
            return refused ? countFailure(client) : Mono.empty();
        });
        return chain.filter(exchange);
    }

    private Mono<Void> countFailure(String client) {
        LimitProperties.Budget budget = this.properties.authFailures();
        return this.limiter.consume("auth:" + client, budget).doOnNext(decision -> {
            if (!decision.allowed() || decision.remaining() == 0) {
                block(client, budget.period().dividedBy(budget.requests()));
            }
        }).then();
    }

    private void block(String client, Duration duration) {
        long now = System.nanoTime();
        if (this.blocked.size() >= this.properties.maxClients()) {
            this.blocked.values().removeIf(until -> now - until > 0);
        }
        this.blocked.put(client, now + duration.toNanos());
        log.warn("Credentialed API requests from {} are refused for {} s: too many were refused for their "
                + "credentials", client,
                duration.toSeconds());
    }
}
