package be.biodiversity.portal.gateway.limit;

import java.util.Optional;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request bodies over {@code portal.limits.max-request-body} (or {@code max-import-body} on {@code …/imports})
 * answer 413 problem+json naming the {@code body}, before anything reaches a service. A declared
 * {@code Content-Length} is checked at once; a chunked body is read up to the limit first.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final LimitProperties properties;

    BodySizeLimitFilter(LimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean chunked = request.getHeaders().containsHeader("Transfer-Encoding");
        if (declared <= 0 && !chunked) {
            return chain.filter(exchange);
        }
        long limit = limitFor(RequestClass.of(exchange));
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        // A chunked body is read here, up to the limit, so that the service gets a body of known length and an
        // oversized one is refused before the proxying (and its circuit breaker) starts.
        return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(body -> chain.filter(body.isEmpty() ? exchange
                        : exchange.mutate().request(new BufferedRequest(request, body.get())).build()))
                .onErrorResume(DataBufferLimitException.class, ex -> tooLarge(exchange, limit));
    }

    long limitFor(RequestClass request) {
        return (request.isImport() ? this.properties.maxImportBody() : this.properties.maxRequestBody()).toBytes();
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes accepted here.", "body");
    }

    private static final class BufferedRequest extends ServerHttpRequestDecorator {

        private final DataBuffer body;

        private final HttpHeaders headers;

        BufferedRequest(ServerHttpRequest request, DataBuffer body) {
            super(request);
            this.body = body;
            this.headers = HttpHeaders.copyOf(request.getHeaders());
            this.headers.remove(HttpHeaders.TRANSFER_ENCODING);
            this.headers.setContentLength(body.readableByteCount());
        }

        @Override
        public HttpHeaders getHeaders() {
            return this.headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.just(this.body);
        }
    }
}
