package be.biodiversity.portal.content.gbif;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * content-service's own client of GBIF's public API (GETs only): the base URL from {@code portal.gbif.api-url},
 * a {@code User-Agent} naming the portal, connect and response timeouts, retries with backoff after a connection
 * error or a 5xx (not after a timeout, which would only add load to a slow API, nor after a 4xx), and one circuit
 * breaker ({@code gbif}) so that an API that keeps failing is left alone for a while. Every failure but a 4xx is
 * a {@link GbifUnavailable}; a 4xx is a {@link GbifRefused}.
 */
@Component
public class GbifApi {

    static final String BREAKER = "gbif";

    private final WebClient web;
    private final CircuitBreaker breaker;
    private final GbifProperties properties;

    GbifApi(WebClient.Builder builder, CircuitBreakerRegistry breakers, GbifProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout());
        this.web = builder.clone()
                .baseUrl(properties.apiUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(properties.maxResponseBytes()))
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.breaker = breakers.circuitBreaker(BREAKER);
        this.properties = properties;
    }

    /** GET {@code path} (below the API's base URL) with {@code query}, the answer read as {@code type}. */
    public <T> Mono<T> get(String path, MultiValueMap<String, String> query, ParameterizedTypeReference<T> type) {
        Mono<T> attempt = web.get()
                .uri(b -> b.path(path).queryParams(query).build())
                .exchangeToMono(response -> read(response, type, path))
                .transformDeferred(CircuitBreakerOperator.of(breaker));
        return attempt
                .retryWhen(Retry.backoff(properties.retries(), properties.retryBackoff())
                        .filter(GbifApi::worthRetrying)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(ex -> !(ex instanceof GbifRefused), ex -> unavailable(path, ex));
    }

    /**
     * Every page of a GBIF search ({@code offset}/{@code limit}) from the first until {@code endOfRecords}, an empty
     * page, or {@code maxRecords} records asked for; one request at a time.
     */
    public <T> Flux<GbifPage<T>> pages(String path, MultiValueMap<String, String> query, Class<T> type, int pageSize,
            long maxRecords) {
        ParameterizedTypeReference<GbifPage<T>> pageType = ParameterizedTypeReference
                .forType(ResolvableType.forClassWithGenerics(GbifPage.class, type).getType());
        return page(path, query, pageType, 0, pageSize, maxRecords)
                .expand(fetched -> {
                    long next = fetched.offset() + pageSize;
                    return fetched.page().endOfRecords() || fetched.page().results().isEmpty() || next >= maxRecords
                            ? Mono.empty() : page(path, query, pageType, next, pageSize, maxRecords);
                })
                .map(Fetched::page);
    }

    private record Fetched<T>(long offset, GbifPage<T> page) {
    }

    private <T> Mono<Fetched<T>> page(String path, MultiValueMap<String, String> query,
            ParameterizedTypeReference<GbifPage<T>> pageType, long offset, int pageSize, long maxRecords) {
        MultiValueMap<String, String> paged = new LinkedMultiValueMap<>(query);
        paged.set("offset", Long.toString(offset));
        paged.set("limit", Long.toString(Math.min(pageSize, maxRecords - offset)));
        return get(path, paged, pageType).map(page -> new Fetched<>(offset, page));
    }

    private static <T> Mono<T> read(ClientResponse response, ParameterizedTypeReference<T> type, String path) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type);
        }
        if (response.statusCode().is5xxServerError()) {
            return response.releaseBody().then(Mono.error(new ServerError(status)));
        }
        return response.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(body -> Mono.error(new GbifRefused(status, "GBIF answered " + status + " to " + path
                        + (body.isBlank() ? "" : ": " + shorten(body)))));
    }

    private static String shorten(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** A connection that failed, or a 5xx; never a timeout while waiting for an answer, never a 4xx. */
    private static boolean worthRetrying(Throwable ex) {
        return ex instanceof ServerError
                || ex instanceof WebClientRequestException && !isReadTimeout(ex);
    }

    private static boolean isReadTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ReadTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private GbifUnavailable unavailable(String path, Throwable ex) {
        if (ex instanceof GbifUnavailable known) {
            return known;
        }
        String why;
        if (ex instanceof CallNotPermittedException) {
            why = "the circuit breaker is open after repeated failures";
        }
        else if (ex instanceof ServerError server) {
            why = "it answered " + server.status;
        }
        else if (isReadTimeout(ex)) {
            why = "no answer within " + properties.responseTimeout();
        }
        else if (ex instanceof WebClientRequestException) {
            why = "no connection (" + rootMessage(ex) + ")";
        }
        else {
            why = "its answer could not be read (" + rootMessage(ex) + ")";
        }
        return new GbifUnavailable("GBIF API unavailable for " + path + ": " + why, ex);
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A 5xx, inside the client only: retried, counted by the breaker, then reported as {@link GbifUnavailable}. */
    private static final class ServerError extends RuntimeException {

        private final int status;

        ServerError(int status) {
            super("GBIF answered " + status, null, false, false);
            this.status = status;
        }
    }
}
