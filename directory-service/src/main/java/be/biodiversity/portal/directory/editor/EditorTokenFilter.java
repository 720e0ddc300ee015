package be.biodiversity.portal.directory.editor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import be.biodiversity.portal.directory.config.EditorProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a write to the API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api/}) through
 * only with {@code Authorization: Bearer <portal.editor.token>}. Reads stay public. Refusals are
 * problem+json: 401 without a bearer token, 403 with a wrong one or when no editor token is configured.
 */
@Component
class EditorTokenFilter implements WebFilter {

    private static final List<HttpMethod> READS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;
    private final ServerResponse.Context context;

    EditorTokenFilter(EditorProperties properties, ServerCodecConfigurer codecs) {
        this.tokenDigest = properties.configured() ? digest(properties.token()) : null;
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        // Every write, whatever its path: a test of the path as sent ("/api/") let /%61pi/... through unchecked,
        // while the handler mappings match the decoded path.
        if (READS.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        ProblemDetail refusal = refusal(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (refusal == null) {
            return chain.filter(exchange);
        }
        refusal.setInstance(URI.create(request.getPath().value()));
        return ServerResponse.status(refusal.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    if (refusal.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    }
                })
                .bodyValue(refusal)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    /** Why this Authorization header may not write, or {@code null} when it may. */
    private ProblemDetail refusal(String authorization) {
        if (tokenDigest == null) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Writes are disabled: no editor token "
                    + "is configured (set portal.editor.token / PORTAL_EDITOR_TOKEN)");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Writes need the header 'Authorization: Bearer <editor token>'");
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        // Comparing digests of equal length keeps the comparison constant-time, whatever the token's length.
        if (!MessageDigest.isEqual(tokenDigest, presented)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The editor token is not valid");
        }
        return null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
