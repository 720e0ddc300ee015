package be.biodiversity.portal.gateway;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The body of a request the gateway refuses without reading it: a large one is never read (the connection is closed
 * after the answer, so a refused 48 MB upload is not read to its end), a small one is dropped as it comes.
 */
public final class UnreadBody {

    /** A refused body declared longer than this is never read: its connection is closed after the answer. */
    public static final int LINGER_BYTES = 256 * 1024;

    private UnreadBody() {
    }

    /** Whether the request announces a body ({@code Content-Length} above 0, or chunked). */
    public static boolean announced(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * Sends {@code answer} to a request whose body the gateway has not read (it was refused before its route). A
     * body declared longer than {@link #LINGER_BYTES}, or one the client waits to be asked for ({@code Expect:
     * 100-continue}, never granted here), is not read at all: the connection is closed after the answer. A smaller
     * body (and a chunked one: its length is unknown) is read to its end and dropped by the server, which keeps the
     * connection for the next request. A routed request (its body may have gone to a service; a fallback answers it)
     * is answered as it is.
     */
    public static Mono<Void> answer(ServerWebExchange exchange, Mono<Void> answer) {
        ServerHttpRequest request = exchange.getRequest();
        if (!announced(request) || exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) != null) {
            return answer;
        }
        if (request.getHeaders().getContentLength() > LINGER_BYTES
                || request.getHeaders().containsHeader(HttpHeaders.EXPECT)) {
            return answer.then(Mono.fromRunnable(() -> close(request)));
        }
        return answer;
    }

    private static void close(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        if (nativeRequest instanceof reactor.netty.Connection connection) {
            connection.channel().close();
        }
    }
}
