package be.biodiversity.portal.gateway;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps the services' internals out of reach: any path with an {@code actuator} segment, and the gateway's own
 * {@code /_gateway/**} (its fallbacks, reached only by forwarding), answers 404 here and is never forwarded. The
 * gateway's own health ({@code /actuator/health}) stays readable for probes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InternalPathFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (isOwnHealth(path) || !hasInternalSegment(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, HttpStatus.NOT_FOUND, null, null);
    }

    private static boolean isOwnHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private static boolean hasInternalSegment(PathContainer path) {
        return path.elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(e -> ((PathContainer.PathSegment) e).valueToMatch().toLowerCase(Locale.ROOT))
                .anyMatch(segment -> segment.equals("actuator") || segment.equals("_gateway"));
    }
}
