package be.biodiversity.portal.render.site;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads the request's site ({@link Sites#current()}) before anything else decides from it: the language of a path,
 * the locale of the messages, the identity and base URL a page shows. The site is put into the exchange attribute
 * {@link #ATTRIBUTE}. Actuator and the portal's own static files need none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class SiteFilter implements WebFilter {

    static final String ATTRIBUTE = Site.class.getName();

    private final Sites sites;

    SiteFilter(Sites sites) {
        this.sites = sites;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/actuator") || path.startsWith("/assets/portal/")) {
            return chain.filter(exchange);
        }
        return this.sites.current().flatMap((site) -> {
            exchange.getAttributes().put(ATTRIBUTE, site);
            return chain.filter(exchange);
        });
    }
}
