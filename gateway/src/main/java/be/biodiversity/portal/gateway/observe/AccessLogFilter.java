package be.biodiversity.portal.gateway.observe;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request on the {@code be.biodiversity.portal.gateway.access} logger: method, path, status,
 * duration, trace id, and how the page cache answered. Runs first, so that every answer is logged. The trace id
 * is the one of the request's server span, which WebFlux's observation has started before any filter (it
 * continues a valid incoming {@code traceparent}); without one, the id {@link TraceContext} reads or makes.
 */
@Component
public class AccessLogFilter implements WebFilter, Ordered {

    static final String LOGGER = "be.biodiversity.portal.gateway.access";

    /** Exchange attribute a filter may set to add {@code cache=<value>} to the line. */
    public static final String CACHE_ATTRIBUTE = "portal.access-log.cache";

    /** Exchange attribute holding the path as the client sent it (forwards, e.g. to a fallback, change the path). */
    public static final String ORIGINAL_PATH_ATTRIBUTE = "portal.original-path";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String traceId = traceId(exchange);
        exchange.getAttributes().put(ORIGINAL_PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange).doFinally(signal -> {
            if (log.isInfoEnabled()) {
                log.info(line(exchange, traceId, System.nanoTime() - started, signal));
            }
        });
    }

    /** The trace id of the request's server span, if tracing observes this request. */
    static String traceId(ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .orElse(null);
        String traceId = (span != null) ? span.context().traceId() : null;
        return (traceId != null && !traceId.isEmpty()) ? traceId
                : TraceContext.traceId(exchange.getRequest().getHeaders().getFirst(TraceContext.HEADER));
    }

    static String line(ServerWebExchange exchange, String traceId, long nanos, SignalType signal) {
        var request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String shown = (signal == SignalType.CANCEL) ? "cancelled" : String.valueOf(status == null ? 200 : status.value());
        var remote = request.getRemoteAddress();
        String client = (remote == null || remote.getAddress() == null) ? null : remote.getAddress().getHostAddress();
        return line(request.getMethod().name(), request.getPath().value(), shown, nanos, traceId,
                exchange.getAttribute(CACHE_ATTRIBUTE), client);
    }

    /** The access-log line; {@code cache} and {@code client} are left out when {@code null}. */
    public static String line(String method, String path, String status, long nanos, String traceId, Object cache,
            String client) {
        StringBuilder line = new StringBuilder(128).append(method).append(' ').append(path).append(' ').append(status);
        long micros = nanos / 1000;
        line.append(' ').append(micros / 1000).append('.').append((micros % 1000) / 100).append("ms");
        line.append(" trace=").append(traceId);
        if (cache != null) {
            line.append(" cache=").append(cache);
        }
        if (client != null) {
            line.append(" client=").append(client);
        }
        return line.toString();
    }

    /** Writes one line, as {@link #line} formats it. */
    public static void log(String line) {
        log.info(line);
    }

    public static boolean enabled() {
        return log.isInfoEnabled();
    }
}
