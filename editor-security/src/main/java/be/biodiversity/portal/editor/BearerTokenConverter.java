package be.biodiversity.portal.editor;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads {@code Authorization: Bearer <token>}; the scheme in any case (RFC 9110: schemes are case-insensitive).
 * No header, or another scheme (Basic, …), is no credentials: the request goes on anonymously and a write is then
 * refused by the entry point. {@code Bearer} with nothing after it is a token that matches no editor.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

    private static final String BEARER = "Bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Mono.empty();
        }
        String value = header.strip();
        boolean bearer = value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (value.length() == BEARER.length() || value.charAt(BEARER.length()) == ' ');
        if (!bearer) {
            return Mono.empty();
        }
        return Mono.just(new BearerToken(value.substring(BEARER.length()).strip()));
    }
}
