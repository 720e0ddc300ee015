package be.biodiversity.portal.gateway.security;

import reactor.core.publisher.Mono;

import be.biodiversity.portal.gateway.edge.RequestClass;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The {@link SecurityHeaders}, on every answer that passes through Spring (pages, APIs, redirects, errors,
 * fallbacks; cached pages served by the fast path get them there). They are set before anything else writes; the
 * services' own versions of them are dropped when their answer is copied (see {@code ResponseHeadersFilter}), so
 * these are the only ones a browser sees.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private static final String REFERRER_POLICY = "Referrer-Policy";

    private final SecurityHeaders securityHeaders;

    SecurityHeadersFilter(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        this.securityHeaders.of(RequestClass.of(exchange).isSiteFile()).forEach(headers::set);
        // A service's no-referrer (ResponseHeadersFilter lets only that one through) is added beside the gateway's
        // policy: one header, the stricter, leaves.
        exchange.getResponse().beforeCommit(() -> {
            if (headers.getOrEmpty(REFERRER_POLICY).size() > 1
                    && headers.getOrEmpty(REFERRER_POLICY).stream().anyMatch("no-referrer"::equalsIgnoreCase)) {
                headers.set(REFERRER_POLICY, "no-referrer");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
