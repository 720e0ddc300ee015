package be.biodiversity.portal.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One URL per page: a page path with trailing slashes ({@code /nl/community/}) or doubled slashes answers
 * 301 to its canonical form ({@code /nl/community}), the form render-service names in its canonical links.
 * The query string is kept. The APIs are left alone: their paths are the services' business.
 */
@Component
class CanonicalPathFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        String path = request.getPath().value();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String canonical = canonical(path);
        if (canonical.equals(path)) {
            return chain.filter(exchange);
        }
        String query = request.getURI().getRawQuery();
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        response.getHeaders().set(HttpHeaders.LOCATION, query == null ? canonical : canonical + "?" + query);
        response.getHeaders().setContentLength(0);
        return response.setComplete();
    }

    /** The path without trailing or doubled slashes; {@code /} stays {@code /}. */
    static String canonical(String path) {
        if (!path.endsWith("/") && !path.contains("//")) {
            return path;
        }
        StringBuilder canonical = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || canonical.isEmpty() || canonical.charAt(canonical.length() - 1) != '/') {
                canonical.append(c);
            }
        }
        while (canonical.length() > 1 && canonical.charAt(canonical.length() - 1) == '/') {
            canonical.setLength(canonical.length() - 1);
        }
        return canonical.isEmpty() ? "/" : canonical.toString();
    }
}
