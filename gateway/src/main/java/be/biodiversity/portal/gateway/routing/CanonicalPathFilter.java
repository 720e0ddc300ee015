package be.biodiversity.portal.gateway.routing;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
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
 * One URL per page (see {@link PagePath}): a GET or HEAD of a page or asset spelt otherwise
 * ({@code /nl/community/}, {@code /nl//community}, {@code /./community}, {@code /%6El/%63ommunity},
 * {@code /nl/%c3%a9}) answers 301 to the canonical spelling, the query string kept; a path that cannot name a
 * page (control characters, whitespace, {@code %2F}, invalid UTF-8) answers 400 problem+json with
 * {@code "field":"path"}. Nothing but the canonical spelling reaches the page cache or render-service, so a page
 * is cached under one key and junk spellings neither fill the cache nor appear in canonical links. Only pages
 * and assets ({@link RequestClass#isPageOrAsset()}) are concerned: API paths are the services' business.
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
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !RequestClass.of(exchange).isPageOrAsset()) {
            return chain.filter(exchange);
        }
        PagePath spelling = PagePath.of(path);
        if (spelling.refused()) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, spelling.refusal(), "path");
        }
        if (spelling.canonical().equals(path)) {
            return chain.filter(exchange);
        }
        String query = request.getURI().getRawQuery();
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        response.getHeaders().set(HttpHeaders.LOCATION,
                (query == null) ? spelling.canonical() : spelling.canonical() + "?" + ascii(query));
        response.getHeaders().setContentLength(0);
        return response.setComplete();
    }

    /** The query as sent, with anything but visible ASCII escaped: a header value must not be able to split. */
    static String ascii(String query) {
        StringBuilder out = null;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean plain = c > 0x20 && c < 0x7F;
            if (!plain && out == null) {
                out = new StringBuilder(query.length() + 16).append(query, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.append(c);
                }
                else {
                    for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        out.append('%').append(String.format("%02X", b & 0xFF));
                    }
                }
            }
        }
        return (out == null) ? query : out.toString();
    }
}
