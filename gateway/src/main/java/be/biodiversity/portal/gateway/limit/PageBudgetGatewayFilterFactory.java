package be.biodiversity.portal.gateway.limit;

import be.biodiversity.portal.gateway.edge.RequestClass;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Route filter {@code PageBudget} (on the {@code pages} route): a page request that reaches render-service with a
 * query string, or for a search page, spends one from the client's read budget (the API's); over it, 429 with
 * {@code Retry-After}. Uncached search pages cost a data service a query each, and every query string is a new
 * cache key. It is a route filter, so it runs only for requests that leave the gateway: whatever the page cache
 * answers itself (fresh copies, requests that waited for another's fetch) is free.
 */
@Component
class PageBudgetGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final ClientRateLimiter limiter;

    private final LimitProperties properties;

    PageBudgetGatewayFilterFactory(ClientRateLimiter limiter, LimitProperties properties) {
        super(Object.class);
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            RequestClass requestClass = RequestClass.of(exchange);
            boolean costly = request.getURI().getRawQuery() != null || requestClass.isSearchPage();
            if (!requestClass.isPageOrAsset() || !costly) {
                return chain.filter(exchange);
            }
            LimitProperties.Budget budget = this.properties.read();
            return this.limiter.consume("read:" + this.properties.client(request), budget)
                    // No budget headers on answers that go on: they would be kept with the cached page.
                    .flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                            : RateLimitFilter.tooMany(exchange, budget, decision, "uncached searches and reads"));
        };
    }
}
