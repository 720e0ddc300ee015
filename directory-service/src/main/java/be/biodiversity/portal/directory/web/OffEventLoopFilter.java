package be.biodiversity.portal.directory.web;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Handles every request on a parallel worker instead of the connection's event loop, so that no response is
 * completed synchronously while Reactor Netty drains a buffered keep-alive request. Reactor Netty 1.3.6 stops
 * reading such a connection in that case (reactor/reactor-netty#4361, fixed after 1.3.6): the benchmark's client
 * hung on the next request after an empty search page, which the search index answers without I/O. Remove this
 * filter once the build uses a Reactor Netty with that fix. The handlers themselves never block.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OffEventLoopFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }
}
