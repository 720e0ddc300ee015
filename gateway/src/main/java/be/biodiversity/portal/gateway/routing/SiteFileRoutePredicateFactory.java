package be.biodiversity.portal.gateway.routing;

import java.util.function.Predicate;

import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import be.biodiversity.portal.gateway.edge.RequestClass;

/**
 * Route predicate {@code SiteFile}: the request is for a file of the imported site ({@link RequestClass#isSiteFile()}:
 * {@code /assets/images/logo.png}, {@code /favicon.ico}, a PDF), decided from the normalised path like every other
 * policy, so that such files reach content-service and never the page route (nor a language's page).
 */
@Component
class SiteFileRoutePredicateFactory extends AbstractRoutePredicateFactory<SiteFileRoutePredicateFactory.Config> {

    SiteFileRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        return exchange -> RequestClass.of(exchange).isSiteFile();
    }

    /** No settings. */
    public static class Config {
    }
}
