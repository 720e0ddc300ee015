package be.biodiversity.portal.gateway.limit;

import java.net.URI;
import java.time.Duration;

import be.biodiversity.portal.gateway.Problems;
import be.biodiversity.portal.gateway.UnreadBody;
import be.biodiversity.portal.gateway.edge.RequestClass;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Whether an editor token is right only the data services know, and a service refuses a wrong one at once; but a
 * proxy that forwards an upload sends its body on until the end, so a wrong token could make the gateway read (and
 * the service drain) 50 MB before the 401. So an API write with a large body (chunked, or declared over 256 KB) and
 * credentials no service has accepted yet
 * ({@link AcceptedTokens}) is checked first: the gateway asks the service for {@code OPTIONS} of the same path with
 * the same {@code Authorization} (a service refuses a wrong token on every request, and {@code OPTIONS} runs no
 * handler), and answers its 401 itself, without reading the body; the throttle counts it as a guess.
 * A 2xx answer is remembered as accepted (no second check); any other answer, or none within {@code portal.limits.credential-check-timeout}, lets the write go on as before:
 * the service still decides. Runs after the budgets, the guessing throttle and the size limits, so checks are as limited as writes.
 */
@Component
class CredentialCheckFilter implements WebFilter, Ordered {

    private final AcceptedTokens accepted;

    private final WebClient client;

    private final String contentUrl;

    private final String directoryUrl;

    private final Duration timeout;

    CredentialCheckFilter(AcceptedTokens accepted, WebClient.Builder builder,
            @Value("${portal.content.url}") String contentUrl, @Value("${portal.directory.url}") String directoryUrl,
            @Value("${portal.limits.credential-check-timeout:2s}") Duration timeout) {
        this.accepted = accepted;
        this.client = builder.observationRegistry(ObservationRegistry.NOOP).build();
        this.contentUrl = contentUrl;
        this.directoryUrl = directoryUrl;
        this.timeout = timeout;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 55;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        RequestClass requestClass = RequestClass.of(exchange);
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String service = serviceUrl(requestClass.service());
        if (!requestClass.isApi() || !RequestClass.isWrite(request.getMethod()) || authorization == null
                || service == null || !large(request) || this.accepted.known(authorization)) {
            return chain.filter(exchange);
        }
        URI uri = URI.create(service + request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()));
        return this.client.method(HttpMethod.OPTIONS).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value()))
                .timeout(this.timeout)
                .onErrorResume(ex -> Mono.just(0))
                .flatMap(status -> {
                    if (status == 401) {
                        return refuse(exchange);
                    }
                    if (status >= 200 && status < 300) {
                        // the service took these credentials: later uploads with them go straight on
                        this.accepted.accepted(authorization);
                    }
                    return chain.filter(exchange);
                });
    }

    /**
     * Chunked, or declared longer than what the gateway would read of a refused body anyway
     * ({@link UnreadBody#LINGER_BYTES}): a small write goes straight on, the service refuses it after its few bytes.
     */
    private static boolean large(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
                || request.getHeaders().getContentLength() > UnreadBody.LINGER_BYTES;
    }

    private String serviceUrl(String service) {
        return switch (service) {
            case "content" -> this.contentUrl;
            case "directory" -> this.directoryUrl;
            default -> null;
        };
    }

    private static Mono<Void> refuse(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "The bearer token is not an editor's token.",
                "Authorization");
    }
}
