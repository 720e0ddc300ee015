package be.biodiversity.portal.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What visitors receive from a service: no {@code Server}/{@code X-Powered-By} banners, none of the configured
 * internal headers, and none of the security headers, which the gateway sets itself on every answer (a
 * {@code Referrer-Policy: no-referrer} excepted: stricter than the gateway's). Text gets
 * {@code Vary: Accept-Encoding}, since the gateway may compress it.
 */
@Component
class ResponseHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final Set<String> DROPPED = Set.of("server", "x-powered-by", "x-aspnet-version",
            "content-security-policy", "strict-transport-security", "x-content-type-options", "referrer-policy",
            "x-frame-options", "permissions-policy");

    private final List<String> internalPrefixes;

    ResponseHeadersFilter(EdgeHeadersProperties properties) {
        this.internalPrefixes = properties.internalPrefixes().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if ((!DROPPED.contains(lower) || isNoReferrer(lower, values))
                    && this.internalPrefixes.stream().noneMatch(lower::startsWith)) {
                headers.addAll(name, values);
            }
        });
        // Text may leave the gateway gzip-compressed (server.compression): caches on the way must know.
        MediaType type = safeContentType(headers);
        if (type != null && (type.getType().equals("text") || type.getSubtype().contains("json"))
                && headers.getOrEmpty(HttpHeaders.VARY).stream().noneMatch(v -> v.toLowerCase(Locale.ROOT)
                        .contains("accept-encoding"))) {
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        return headers;
    }

    /**
     * A service may make the gateway's referrer policy stricter, never looser: {@code no-referrer} (render-service's
     * editor previews, whose address is a secret) replaces the gateway's own; any other value is dropped.
     */
    private static boolean isNoReferrer(String lower, List<String> values) {
        return lower.equals("referrer-policy") && !values.isEmpty()
                && values.stream().allMatch(v -> v.strip().equalsIgnoreCase("no-referrer"));
    }

    private static MediaType safeContentType(HttpHeaders headers) {
        try {
            return headers.getContentType();
        }
        catch (InvalidMediaTypeException ex) {
            return null;
        }
    }
}
