package be.biodiversity.portal.gateway.retry;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Route filter {@code TimeoutRetry}: a GET or HEAD whose service did not answer within the response timeout is sent
 * once more, if the {@link RetryBudget} (one per gateway, shared by the routes using it) has a retry left. A cold JVM's
 * first render can outlast the timeout while its second takes a fraction of a second: the visitor gets the page
 * instead of the fallback. Never a write, never more than one retry per request, never once anything was sent to the
 * visitor; the budget keeps an overloaded service from getting every slow request twice.
 */
@Component
class TimeoutRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Logger log = LoggerFactory.getLogger(TimeoutRetryGatewayFilterFactory.class);

    private final RetryBudget budget;

    TimeoutRetryGatewayFilterFactory(TimeoutRetryProperties properties) {
        super(Object.class);
        this.budget = new RetryBudget(properties.burst(), properties.ratio());
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            HttpMethod method = exchange.getRequest().getMethod();
            if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
                return chain.filter(exchange);
            }
            this.budget.deposit();
            return chain.filter(exchange).onErrorResume(TimeoutRetryGatewayFilterFactory::isTimeout, (timeout) -> {
                if (exchange.getResponse().isCommitted() || !this.budget.withdraw()) {
                    return Mono.error(timeout);
                }
                log.info("{} {} took longer than the response timeout; sending it once more", method,
                        exchange.getRequest().getPath().value());
                reset(exchange);
                return chain.filter(exchange);
            });
        };
    }

    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT));
    }

    /** As the gateway's own Retry filter does: let the request be routed again, on a fresh connection. */
    private static void reset(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
        ServerWebExchangeUtils.reset(exchange);
    }

}
