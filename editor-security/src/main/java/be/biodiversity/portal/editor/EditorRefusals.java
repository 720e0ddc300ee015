package be.biodiversity.portal.editor;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one way both data services refuse a request for its credentials: 401 as {@code application/problem+json}
 * (written by the application's own JSON codec, so every value is escaped), with {@code WWW-Authenticate: Bearer}
 * when none were sent and {@code Bearer error="invalid_token"} when the token is no editor's (RFC 6750). A wrong
 * token and a write while no editor is configured are refused exactly like a missing one, with the same status.
 */
final class EditorRefusals implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler,
        ServerAccessDeniedHandler {

    private final boolean editorsConfigured;
    private final ServerResponse.Context context;

    EditorRefusals(boolean editorsConfigured, ServerCodecConfigurer codecs) {
        this.editorsConfigured = editorsConfigured;
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

    /** No credentials where an editor is needed. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String detail = editorsConfigured
                ? "This needs an editor: send the header 'Authorization: Bearer <editor token>'"
                : disabled();
        return write(exchange, HttpStatus.UNAUTHORIZED, "Bearer", detail);
    }

    /** A bearer token that is no editor's, on any request. */
    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange filterExchange, AuthenticationException ex) {
        String detail = editorsConfigured ? "The bearer token is not an editor's token" : disabled();
        return write(filterExchange.getExchange(), HttpStatus.UNAUTHORIZED, "Bearer error=\"invalid_token\"", detail);
    }

    /** An editor who may not do this; no rule refuses an editor today, kept for editors bound to sites. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, null, "This editor may not do this");
    }

    /**
     * A request Spring Security's firewall refused (an encoded slash, backslash or percent, {@code ;}, {@code //},
     * control characters in the path, a header or a parameter): 400, without echoing what was refused.
     */
    Mono<Void> rejected(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.BAD_REQUEST, null, "The request was rejected: its path, a header or a "
                + "parameter holds characters or sequences this API does not accept");
    }

    private static String disabled() {
        return "Writes are disabled: no editor token is configured (portal.editor.token / PORTAL_EDITOR_TOKEN, "
                + "or portal.editor.tokens.<name>)";
    }

    /** A refused body declared up to this size is read and dropped by the server, which keeps the connection. */
    private static final long LARGE_BODY = 256 * 1024;

    /**
     * A refused request's body is never read: were the connection kept, the server would have to read it to the end
     * (48 MB of a refused upload) before it could take the next request. Closing it after the answer costs the
     * client a new connection, and a client that keeps sending gets a reset.
     */
    private static boolean largeBody(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.getContentLength() > LARGE_BODY || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String challenge, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().pathWithinApplication().value()));
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    if (challenge != null) {
                        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
                    }
                    if (largeBody(exchange)) {
                        headers.set(HttpHeaders.CONNECTION, "close");
                    }
                })
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }
}
