package be.biodiversity.portal.gateway;

import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Keeps the internals out of reach. On the public port any path with an {@code actuator} segment (the services'
 * and the gateway's own), and the gateway's {@code /_gateway/**} (its fallbacks, reached only by forwarding),
 * answers 404 and is never forwarded; an API path in disguise ({@code /%61pi/...}) answers 400. The gateway's
 * actuator (health, Prometheus) lives on the management port ({@code management.server.port}) only.
 * <p>
 * WebFlux builds the management server's handler from its own context <em>and</em> this one, so this
 * application's filters and routes would run there too, and the page cache would keep actuator answers that its
 * fast path then serves on the public port. On the management port this filter therefore hands what the
 * actuator's endpoint mappings know straight to the management server's handler (nothing after this filter runs)
 * and answers 404 to everything else (never routed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InternalPathFilter implements WebFilter {

    private static final String MANAGEMENT = "management";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ApplicationContext context = exchange.getApplicationContext();
        if (context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT)) {
            return onManagementPort(exchange, context);
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (hasInternalSegment(path)) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, null, null);
        }
        if (disguisedApiPrefix(path)) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST,
                    "The API is reached at /api/... written plainly, without escapes or parameters in that segment.",
                    "path");
        }
        return chain.filter(exchange);
    }

    /** What the actuator's endpoint mappings know; not the gateway's routes, nor a catch-all resource mapping. */
    private static Mono<Void> onManagementPort(ServerWebExchange exchange, ApplicationContext context) {
        WebHandler actuator = context.getBean(WebHttpHandlerBuilder.WEB_HANDLER_BEAN_NAME, WebHandler.class);
        return Flux.fromIterable(context.getBeansOfType(AbstractWebFluxEndpointHandlerMapping.class).values())
                .concatMap(mapping -> mapping.getHandler(exchange))
                .hasElements()
                .flatMap(known -> known ? actuator.handle(exchange)
                        : Problems.write(exchange, HttpStatus.NOT_FOUND, null, null));
    }

    /**
     * A first segment that routes as {@code api} but is not written so ({@code /%61pi/}, {@code /api;x/}): the
     * routes match the decoded segment, the limits, the token-guessing throttle and the page cache look at the
     * path as sent, and the services might too. Refused, so that every check sees the same path.
     */
    private static boolean disguisedApiPrefix(PathContainer path) {
        return path.elements().stream().filter(PathContainer.PathSegment.class::isInstance).findFirst()
                .map(PathContainer.PathSegment.class::cast)
                .filter(first -> first.valueToMatch().equalsIgnoreCase("api") && !first.value().equals("api"))
                .isPresent();
    }

    private static boolean hasInternalSegment(PathContainer path) {
        return path.elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(e -> ((PathContainer.PathSegment) e).valueToMatch().toLowerCase(Locale.ROOT))
                .anyMatch(segment -> segment.equals("actuator") || segment.equals("_gateway"));
    }
}
