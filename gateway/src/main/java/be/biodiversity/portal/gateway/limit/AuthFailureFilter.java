package be.biodiversity.portal.gateway.limit;

import java.time.Duration;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
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
 * Makes guessing the editor token hopeless without letting anyone lock the editors out. Only a request that
 * carries credentials ({@code Authorization}) can be a guess: when a service refuses it (401 or 403) it takes one
 * from the client's {@code portal.limits.auth-failures} budget, and once that is spent the client's credentialed
 * API requests get 429 at the gateway, without reaching a service, until one failure has been forgiven (with the
 * defaults: 5 failures at once, then one every 3 minutes). A request without credentials is never a guess (and
 * an API write without them is refused by {@link WriteGuardFilter}); a request whose {@code Authorization} a
 * service has accepted before ({@link AcceptedTokens}) is never refused here, even while its client is blocked.
 */
@Component
class AuthFailureFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureFilter.class);

    private final ClientRateLimiter limiter;

    private final LimitProperties properties;

    private final AcceptedTokens accepted;

    private final TimeMeter clock;

    /** Blocked clients and until when (the clock's nanoseconds); an entry expires when its block could. */
    private final Cache<String, Long> blocked;

    AuthFailureFilter(ClientRateLimiter limiter, LimitProperties properties, TimeMeter limitClock,
            AcceptedTokens accepted) {
        this.limiter = limiter;
        this.properties = properties;
        this.clock = limitClock;
        this.accepted = accepted;
        LimitProperties.Budget budget = properties.authFailures();
        this.blocked = Caffeine.newBuilder().maximumSize(properties.maxClients())
                .expireAfterWrite(budget.period().dividedBy(budget.requests()))
                .ticker(limitClock::currentTimeNanos).executor(Runnable::run).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 41;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!RequestClass.of(exchange).isApi() || authorization == null) {
            return chain.filter(exchange);
        }
        String client = this.properties.client(request);
        long now = this.clock.currentTimeNanos();
        Long until = this.blocked.getIfPresent(client);
        if (until != null && now - until < 0 && !this.accepted.known(authorization)) {
            long seconds = Math.max(1, Duration.ofNanos(until - now).toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client were "
                    + "refused for their credentials; retry in " + seconds + " s.", null);
        }
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status != null && (status.value() == 401 || status.value() == 403)) {
                return countFailure(client);
            }
            if (status != null && status.is2xxSuccessful()) {
                this.accepted.accepted(authorization);
            }
            return Mono.empty();
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
        this.blocked.put(client, this.clock.currentTimeNanos() + duration.toNanos());
        log.warn("Credentialed API requests from {} are refused for {} s: too many were refused for their "
                + "credentials", client, duration.toSeconds());
    }
}
