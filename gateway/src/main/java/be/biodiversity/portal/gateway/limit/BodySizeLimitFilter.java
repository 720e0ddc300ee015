package be.biodiversity.portal.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.edge.RequestClass;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request bodies are streamed to the service, never gathered here: a declared {@code Content-Length} over
 * {@code portal.limits.max-request-body} (or {@code max-import-body} on {@code …/imports}) answers 413 at once; a
 * chunked body is counted as it passes and the request is cut off with 413 when it goes over. At most
 * {@code max-concurrent-imports} import uploads are in flight at once; more answer 429 with {@code Retry-After}.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    static final String TOO_LARGE_ATTRIBUTE = BodySizeLimitFilter.class.getName() + ".tooLarge";

    private final LimitProperties properties;

    private final AtomicInteger importsInFlight = new AtomicInteger();

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
        RequestClass requestClass = RequestClass.of(exchange);
        long declared = request.getHeaders().getContentLength();
        boolean chunked = request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            return chain.filter(exchange);
        }
        long limit = limitFor(requestClass);
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (requestClass.isImport() && RequestClass.isWrite(request.getMethod())) {
            if (this.importsInFlight.incrementAndGet() > this.properties.maxConcurrentImports()) {
                this.importsInFlight.decrementAndGet();
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
                return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "At most "
                        + this.properties.maxConcurrentImports() + " imports are accepted at once; retry in 10 s.",
                        null);
            }
            return streamed(exchange, chain, chunked, limit).doFinally(signal -> this.importsInFlight.decrementAndGet());
        }
        return streamed(exchange, chain, chunked, limit);
    }

    private Mono<Void> streamed(ServerWebExchange exchange, WebFilterChain chain, boolean chunked, long limit) {
        if (!chunked) {
            // A declared length within the limit: the server's decoder never reads past it.
            return chain.filter(exchange);
        }
        ServerWebExchange counted = exchange.mutate().request(new CountedRequest(exchange, limit))
                .response(new TooLargeResponse(exchange, limit)).build();
        return chain.filter(counted).onErrorResume(BodyTooLargeException.class, ex -> tooLarge(counted, limit));
    }

    long limitFor(RequestClass request) {
        return (request.isImport() ? this.properties.maxImportBody() : this.properties.maxRequestBody()).toBytes();
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes accepted here.", "body");
    }

    /** The body, counted as it passes to the service; past the limit it ends with {@link BodyTooLargeException}. */
    private static final class CountedRequest extends ServerHttpRequestDecorator {

        private final ServerWebExchange exchange;

        private final long limit;

        CountedRequest(ServerWebExchange exchange, long limit) {
            super(exchange.getRequest());
            this.exchange = exchange;
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = new long[1];
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > this.limit) {
                    DataBufferUtils.release(buffer);
                    this.exchange.getAttributes().put(TOO_LARGE_ATTRIBUTE, Boolean.TRUE);
                    sink.error(new BodyTooLargeException(this.limit));
                    return;
                }
                sink.next(buffer);
            });
        }
    }

    /**
     * When the body was cut off, the circuit breaker's fallback would answer 503 for a service that is fine:
     * whatever is written then becomes the 413.
     */
    private static final class TooLargeResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        private final long limit;

        TooLargeResponse(ServerWebExchange exchange, long limit) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.limit = limit;
        }

        private boolean cutOff() {
            return this.exchange.getAttribute(TOO_LARGE_ATTRIBUTE) != null;
        }

        @Override
        public boolean setStatusCode(HttpStatusCode status) {
            return super.setStatusCode(cutOff() ? HttpStatus.CONTENT_TOO_LARGE : status);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!cutOff()) {
                return super.writeWith(body);
            }
            Flux.from(body).subscribe(DataBufferUtils::release);
            String path = this.exchange.getRequest().getPath().value();
            byte[] problem = Problems.json(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the "
                    + this.limit + " bytes accepted here.", "body", path).getBytes(StandardCharsets.UTF_8);
            HttpHeaders headers = getHeaders();
            headers.remove(HttpHeaders.RETRY_AFTER);
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers.setContentLength(problem.length);
            super.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
            return super.writeWith(Mono.just(bufferFactory().wrap(problem)));
        }
    }
}
