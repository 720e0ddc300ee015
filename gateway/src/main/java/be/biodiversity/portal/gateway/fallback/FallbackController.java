package be.biodiversity.portal.gateway.fallback;

import java.nio.charset.StandardCharsets;
import java.util.List;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.observe.AccessLogFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the circuit breakers send a request whose service is down, too slow or shed: 503 with
 * {@code Retry-After}. Visitors get a short HTML page in the page's language, API clients (and anyone who asks
 * only for JSON) {@code application/problem+json}. Reached only by forwarding: {@code /_gateway/**} answers 404
 * from outside.
 */
@RestController
@RequestMapping("/_gateway/fallback")
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/page")
    Mono<Void> page(ServerWebExchange exchange) {
        String path = originalPath(exchange);
        logCause(exchange, path);
        if (wantsJson(exchange)) {
            return problem(exchange, path);
        }
        // no language list here: the site's languages are render-service's business (its README); a first segment
        // the gateway has a text in is taken for the language, anything else gets English and the site's home
        String language = FallbackText.languageOf(path);
        FallbackText text = FallbackText.in(language == null ? "en" : language);
        String home = language == null ? "/" : "/" + language;
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>%s</title>
                <link rel="stylesheet" href="/assets/portal/site.css"></head>
                <body><main id="main" class="problem"><h1>%s</h1><p>%s</p><p><a href="%s">%s</a></p></main></body>
                </html>
                """.formatted(text.lang(), escape(text.title()), escape(text.title()), escape(text.text()),
                home, escape(text.home()));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, text.lang());
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        response.getHeaders().setCacheControl("no-store");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    @RequestMapping("/api")
    Mono<Void> api(ServerWebExchange exchange) {
        String path = originalPath(exchange);
        logCause(exchange, path);
        return problem(exchange, path);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, String path) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The service behind " + path + " is unavailable or too slow; please retry later.", null, path);
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        List<MediaType> accept;
        try {
            accept = exchange.getRequest().getHeaders().getAccept();
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
        boolean json = accept.stream().anyMatch(type -> type.getSubtype().endsWith("json"));
        boolean html = accept.stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML) && !type.isWildcardType());
        return json && !html;
    }

    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(AccessLogFilter.ORIGINAL_PATH_ATTRIBUTE);
        return (original == null) ? exchange.getRequest().getPath().value() : original;
    }

    private static void logCause(ServerWebExchange exchange, String path) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("Fallback for {} {}: {}", exchange.getRequest().getMethod(), path,
                (cause == null) ? "unknown cause" : cause.toString());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
