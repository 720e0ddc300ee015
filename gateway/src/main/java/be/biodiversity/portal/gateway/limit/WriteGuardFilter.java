package be.biodiversity.portal.gateway.limit;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * API writes are for editors, from the portal's own pages or a tool: refused before any limit, throttle or body is
 * read. A write sent by a browser from another web site (an {@code Origin} that is neither the portal's own, i.e.
 * the request's {@code Host}, nor one of {@code portal.limits.allowed-origins}, or {@code Sec-Fetch-Site:
 * cross-site} without such an origin) answers 403; a write without {@code Authorization}, or with a scheme other than
 * {@code Bearer} (which the services never accept), answers 401 at once, its body never read. Whether a bearer token
 * is right only the services know: {@link CredentialCheckFilter} asks them before an upload's body is read.
 */
@Component
class WriteGuardFilter implements WebFilter, Ordered {

    private final Set<String> allowedOrigins;

    WriteGuardFilter(LimitProperties properties) {
        this.allowedOrigins = properties.allowedOrigins().stream().map(WriteGuardFilter::normalised)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 38;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!RequestClass.of(exchange).isApi() || !RequestClass.isWrite(request.getMethod())) {
            return chain.filter(exchange);
        }
        if (crossSite(request)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN,
                    "Writes are accepted from the portal's own pages only, not from another site.", "Origin");
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "Writes need the editor token in the Authorization header.", "Authorization");
        }
        if (!bearer(authorization)) {
            // The services take only bearer tokens: Basic or any other scheme is no credentials there, refused here
            // before the body is read (and not a guess of the token).
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "Writes need the editor token as 'Authorization: Bearer <token>'; no other scheme is accepted.",
                    "Authorization");
        }
        return chain.filter(exchange);
    }

    /** {@code Bearer} in any case (RFC 9110), followed by a space or nothing, as the services read it. */
    static boolean bearer(String authorization) {
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer", 0, 6) && (value.length() == 6 || value.charAt(6) == ' ');
    }

    private boolean crossSite(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String origin = headers.getFirst(HttpHeaders.ORIGIN);
        if (origin != null) {
            return !sameOrigin(origin, headers.getFirst(HttpHeaders.HOST))
                    && !this.allowedOrigins.contains(normalised(origin));
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        return site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
    }

    /** The origin names the host (and port) this request was sent to; {@code null} and opaque origins never do. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host.trim()) || defaultPort(uri, host);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** {@code https://portal} against {@code Host: portal:443}, and the like. */
    private static boolean defaultPort(URI origin, String host) {
        int port = "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        return origin.getPort() < 0 && host.trim().equalsIgnoreCase(origin.getHost() + ":" + port);
    }

    private static String normalised(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
