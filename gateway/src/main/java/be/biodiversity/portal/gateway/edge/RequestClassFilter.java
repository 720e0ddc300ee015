package be.biodiversity.portal.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** Classifies every request once, right after the access log, before any policy filter (see {@link RequestClass}). */
@Component
class RequestClassFilter implements WebFilter, Ordered {

    /** Right after the access log ({@code HIGHEST_PRECEDENCE}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(RequestClass.ATTRIBUTE, RequestClass.classify(exchange));
        return chain.filter(exchange);
    }
}
