package be.biodiversity.portal.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the services receive, after Spring Cloud Gateway has dropped the hop-by-hop headers and any
 * {@code X-Forwarded-*} a client sent: {@code Forwarded} and the configured internal headers removed too,
 * {@code X-Forwarded-For/-Proto/-Host/-Port} set from this connection. The gateway is the edge: no client-supplied
 * forwarding header is believed. The client's trace headers are dropped too: the services' {@code traceparent} is
 * written after this filter by Spring Cloud Gateway's observation ({@code ObservedRequestHttpHeadersFilter}, not
 * ordered, so it runs last), naming the gateway's client span of the request's trace.
 */
@Component
class OutboundHeadersFilter implements HttpHeadersFilter, Ordered {

    private final List<String> internalPrefixes;

    OutboundHeadersFilter(EdgeHeadersProperties properties) {
        this.internalPrefixes = properties.internalPrefixes().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!dropped(name.toLowerCase(Locale.ROOT))) {
                headers.addAll(name, values);
            }
        });
        var request = exchange.getRequest();
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            headers.set("X-Forwarded-For", remote.getAddress().getHostAddress());
        }
        headers.set("X-Forwarded-Proto", request.getURI().getScheme());
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        if (request.getURI().getPort() > 0) {
            headers.set("X-Forwarded-Port", String.valueOf(request.getURI().getPort()));
        }
        return headers;
    }

    private boolean dropped(String name) {
        if (name.equals("forwarded") || name.startsWith("x-forwarded-") || name.equals("x-real-ip")
                || name.equals("traceparent") || name.equals("tracestate")) {
            return true;
        }
        return this.internalPrefixes.stream().anyMatch(name::startsWith);
    }
}
