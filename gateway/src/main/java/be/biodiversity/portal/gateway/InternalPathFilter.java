package be.biodiversity.portal.gateway;

import be.biodiversity.portal.gateway.edge.RequestClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Keeps the internals out of reach. On the public port any path with an {@code actuator} segment (the services'
 * and the gateway's own), and the gateway's {@code /_gateway/**} (its fallbacks, reached only by forwarding),
 * answers 404 and is never forwarded; an API path in disguise ({@code /%61pi/...}, {@code //api/},
 * {@code /api/../x}: see {@link RequestClass#disguised()}) answers 400, so that every later filter and the routes
 * agree on what is an API request. The gateway's
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

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestClass request = RequestClass.of(exchange);
        if (request.kind() == RequestClass.Kind.MANAGEMENT) {
            return onManagementPort(exchange, exchange.getApplicationContext());
        }
        if (request.kind() == RequestClass.Kind.INTERNAL) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, null, null);
        }
        if (request.disguised()) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST,
                    "The API is reached at /api/... written plainly, without escapes, parameters, empty or dot "
                            + "segments in that part of the path.", "path");
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
}
