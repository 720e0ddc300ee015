package be.biodiversity.portal.render.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import be.biodiversity.portal.render.cache.PageCache.Outcome;

/**
 * Serves rendered pages again while they are still right, answers conditional requests with 304, and keeps
 * serving a page rendered before when content-service cannot be reached (up to {@code stale-if-error}).
 * Only complete 200 pages are kept: a page rendered without one of its parts (header {@value #DEGRADED}) is
 * sent but not kept.
 */
@Component
public class PageCacheFilter implements WebFilter {

    /** Set by the page controller when a part of the page could not be had; never leaves the service. */
    public static final String DEGRADED = "X-Portal-Degraded";

    private final PageCache cache;
    private final ContentRevision revision;
    private final PageCacheProperties properties;

    PageCacheFilter(PageCache cache, ContentRevision revision, PageCacheProperties properties) {
        this.cache = cache;
        this.revision = revision;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!properties.enabled() || !HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || path.startsWith("/actuator") || path.startsWith("/assets/")
                || !exchange.getRequest().getQueryParams().isEmpty()) {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().remove(DEGRADED);
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
        String key = key(path);
        long current = revision.current();
        Instant now = Instant.now();
        CachedPage cached = cache.get(key);
        if (cached != null && isFresh(cached, current, now)) {
            cache.count(Outcome.HIT);
            return send(exchange, cached, false);
        }
        return chain.filter(exchange.mutate().response(new Capture(exchange, key, cached, current)).build());
    }

    private boolean isFresh(CachedPage page, long current, Instant now) {
        if (current == ContentRevision.UNKNOWN) {
            return page.age(now).compareTo(properties.maxAgeWithoutRevision()) < 0;
        }
        return page.revision() == current && page.age(now).compareTo(properties.maxAge()) < 0;
    }

    private static Mono<Void> send(ServerWebExchange exchange, CachedPage page, boolean stale) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(page.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(page.contentType());
        headers.setCacheControl("no-cache");
        if (stale) {
            headers.set(HttpHeaders.AGE, String.valueOf(page.age(Instant.now()).toSeconds()));
        }
        if (page.status().is2xxSuccessful() && exchange.checkNotModified(page.etag(), page.renderedAt())) {
            return response.setComplete();
        }
        headers.setContentLength(page.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page.body())));
    }

    private static String key(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Holds the rendered body back until it is complete, then decides what to send and what to keep. */
    private final class Capture extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String key;
        private final CachedPage previous;
        private final long revisionAtStart;

        Capture(ServerWebExchange exchange, String key, CachedPage previous, long revisionAtStart) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
            this.previous = previous;
            this.revisionAtStart = revisionAtStart;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(Flux.from(body)).defaultIfEmpty(bufferFactory().wrap(new byte[0]))
                    .flatMap(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return complete(bytes);
                    });
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        private Mono<Void> complete(byte[] bytes) {
            HttpStatusCode status = getStatusCode() == null ? HttpStatus.OK : getStatusCode();
            boolean degraded = getHeaders().remove(DEGRADED) != null;
            Instant now = Instant.now();
            if (status.value() == 503 && previous != null
                    && previous.age(now).compareTo(properties.staleIfError()) < 0) {
                cache.count(Outcome.STALE);
                return send(exchange, previous, true);
            }
            if (status.value() == 200 && !degraded) {
                CachedPage page = new CachedPage(status, getHeaders().getContentType(), bytes,
                        "\"" + DigestUtils.md5DigestAsHex(bytes) + "\"", now.truncatedTo(ChronoUnit.SECONDS),
                        revisionAtStart);
                cache.put(key, page);
                cache.count(Outcome.MISS);
                return send(exchange, page, false);
            }
            cache.count(Outcome.BYPASS);
            // A page rendered without one of its parts is not to be reused as it is, but it may stand in for an
            // error answer later (the gateway keeps it for that alone); anything else is not to be kept at all.
            getHeaders().setCacheControl(status.value() == 200
                    ? "max-age=0, stale-if-error=" + properties.staleIfError().toSeconds() : "no-store");
            return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
        }
    }

}
