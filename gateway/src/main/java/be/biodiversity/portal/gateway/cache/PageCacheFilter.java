package be.biodiversity.portal.gateway.cache;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import be.biodiversity.portal.gateway.edge.RequestClass;
import be.biodiversity.portal.gateway.observe.AccessLogFilter;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers page and asset requests ({@link RequestClass#isPageOrAsset()}, GET/HEAD, no {@code Authorization}) from the
 * {@link PageCache} without a proxy hop, gzip-compressed when the visitor accepts it, 304 when its validator
 * matches. A missing or too old copy is fetched by one request through the normal route while the others wait
 * for it (or keep the previous copy while it is younger than {@code max-age}). When render-service cannot answer,
 * the last copy is served for {@code stale-if-error} (see {@link CapturingResponse}). Paths reach it only in
 * their canonical spelling ({@code routing.CanonicalPathFilter} redirects or refuses the others), so a page has one
 * key. An answer from a kept copy marks the exchange {@link FromCache#ATTRIBUTE}.
 */
@Component
class PageCacheFilter implements WebFilter, Ordered {

    private final PageCache cache;

    private final PageCacheProperties properties;

    PageCacheFilter(PageCache cache, PageCacheProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 60;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if (!this.properties.enabled() || (method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !RequestClass.of(exchange).isPageOrAsset()
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        String query = request.getURI().getRawQuery();
        String key = (query == null) ? request.getPath().value() : request.getPath().value() + "?" + query;
        long now = this.cache.now();
        CachedPage page = this.cache.get(key);
        if (page != null && now - page.refreshAt() < 0) {
            return serve(exchange, page, PageCache.Result.HIT);
        }
        boolean young = page != null && now - page.expiresAt() < 0;
        if (young && method == HttpMethod.HEAD) {
            return serve(exchange, page, PageCache.Result.HIT);
        }
        Sinks.One<CachedPage> mine = Sinks.one();
        Sinks.One<CachedPage> running = (method == HttpMethod.HEAD) ? this.cache.fetchOf(key)
                : this.cache.startFetch(key, mine);
        if (running == null) {
            // A HEAD answer has no body to keep: it never fetches for the others.
            return (method == HttpMethod.HEAD) ? pass(exchange, chain, key) : fetch(exchange, chain, key, mine, now);
        }
        if (young) {
            return serve(exchange, page, PageCache.Result.HIT);
        }
        return running.asMono().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(fetched -> fetched.isPresent() ? serve(exchange, fetched.get(), PageCache.Result.WAIT)
                        : pass(exchange, chain, key));
    }

    private Mono<Void> fetch(ServerWebExchange exchange, WebFilterChain chain, String key, Sinks.One<CachedPage> mine,
            long started) {
        exchange.getAttributes().put(AccessLogFilter.CACHE_ATTRIBUTE, "miss");
        this.cache.count(PageCache.Result.MISS);
        // The copy is stored as soon as its last byte is written, before the visitor could ask again; doFinally
        // ends the fetch for answers that had no body or failed (finishing twice is harmless).
        CapturingResponse[] capture = new CapturingResponse[1];
        capture[0] = new CapturingResponse(exchange.getResponse(), (int) this.properties.maxPageSize().toBytes(),
                () -> this.cache.finishFetch(key, mine, capture[0].page(started, this.properties)),
                () -> this.cache.stale(key), replacement -> {
                    stale(exchange);
                    // Those waiting for this fetch get the same copy rather than asking render-service again.
                    this.cache.finishFetch(key, mine, replacement);
                }, () -> this.cache.forget(key));
        return chain.filter(exchange.mutate().response(capture[0]).build())
                .doFinally(signal -> this.cache.finishFetch(key, mine, null));
    }

    /** Through the route without keeping the answer (an error answer may still be replaced by a stale copy). */
    private Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain, String key) {
        exchange.getAttributes().put(AccessLogFilter.CACHE_ATTRIBUTE, "pass");
        this.cache.count(PageCache.Result.PASS);
        var response = new CapturingResponse(exchange.getResponse(), 0, () -> { }, () -> this.cache.stale(key),
                replacement -> stale(exchange), () -> this.cache.forget(key));
        return chain.filter(exchange.mutate().response(response).build());
    }

    private void stale(ServerWebExchange exchange) {
        exchange.getAttributes().put(AccessLogFilter.CACHE_ATTRIBUTE, "stale");
        this.cache.count(PageCache.Result.STALE);
    }

    private Mono<Void> serve(ServerWebExchange exchange, CachedPage page, PageCache.Result result) {
        exchange.getAttributes().put(AccessLogFilter.CACHE_ATTRIBUTE, result.name().toLowerCase(Locale.ROOT));
        FromCache.mark(exchange);
        this.cache.count(result);
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.addAll(page.headers());
        headers.set(HttpHeaders.ETAG, page.etag());
        if (page.gzipped() != null) {
            headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (Negotiation.notModified(joined(request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH)), page.etag())) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        boolean gzip = page.gzipped() != null && Negotiation.acceptsGzip(request.getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzipped() : page.body();
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        headers.setContentLength(body.length);
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
