package be.biodiversity.portal.directory.gbif;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one client of the GBIF API in directory-service. Every request is a GET (idempotent, so retried with backoff
 * after a connection error, a timeout or a 5xx), has a connect and a response timeout, goes through one circuit
 * breaker (a GBIF that keeps failing is not asked for a while), names the portal in its {@code User-Agent}, and its
 * answer is cached per URL for {@code portal.gbif.cache-ttl}. A failed request is not cached.
 * <p>
 * Cache rule: this cache is the only one of GBIF answers in directory-service; the answer of a URL does not depend on
 * the site asking (the site's filter is part of the URL), so it is keyed by URL alone.
 */
@Component
public class GbifClient {

    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final GbifProperties properties;
    private final WebClient http;
    private final CircuitBreaker breaker;
    private final AsyncCache<URI, Object> cache;

    @Autowired
    GbifClient(WebClient.Builder boot, GbifProperties properties) {
        this(boot, properties, Ticker.systemTicker());
    }

    GbifClient(WebClient.Builder boot, GbifProperties properties, Ticker ticker) {
        this.properties = properties;
        // The response timeout is Reactor's (below), not Netty's: Reactor's runs on a scheduler tests can replace
        // with virtual time.
        HttpClient netty = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis());
        this.http = boot.clone()
                .clientConnector(new ReactorClientHttpConnector(netty))
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
                .build();
        GbifProperties.Breaker settings = properties.breaker();
        this.breaker = CircuitBreaker.of("gbif", CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRate())
                .waitDurationInOpenState(settings.openFor())
                .recordException(GbifClient::outage)
                .build());
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .ticker(ticker)
                .buildAsync();
    }

    /** The URL of a path ({@code /organization}) with query parameters, in the order given; a collection repeats one. */
    public URI url(String path, Map<String, ?> query) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUri(properties.apiUrl()).path(path);
        query.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                url.queryParam(name, values.toArray());
            }
            else {
                url.queryParam(name, value);
            }
        });
        return url.encode().build().toUri();
    }

    /**
     * The answer of {@code GET url} read as {@code type}; the same URL must always be read as the same type. Fails
     * with {@link GbifException} when there is no usable answer.
     */
    public <T> Mono<T> get(URI url, Class<T> type) {
        if (properties.cacheTtl().isZero()) {
            return fetch(url, type);
        }
        return Mono.defer(() -> {
            CompletableFuture<Object> answer = cache.get(url, (key, executor) -> fetch(url, type)
                    .map(Object.class::cast).toFuture());
            // Caffeine drops a failed answer too, but later: the next request must ask GBIF again.
            return Mono.fromFuture(answer, true).doOnError(error -> cache.asMap().remove(url, answer));
        }).map(type::cast);
    }

    /** The circuit breaker's state, for the log and tests: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
    public String breakerState() {
        return breaker.getState().name();
    }

    private <T> Mono<T> fetch(URI url, Class<T> type) {
        return http.get()
                .uri(url)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(type)
                .timeout(properties.responseTimeout())
                .retryWhen(Retry.backoff(properties.retries(), properties.retryBackoff())
                        .filter(GbifClient::outage)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(error -> !(error instanceof GbifException), error -> explained(url, error));
    }

    /** A failure on GBIF's side or on the way there: worth a retry, and counted by the circuit breaker. */
    static boolean outage(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError();
        }
        return error instanceof WebClientRequestException || error instanceof TimeoutException;
    }

    private GbifException explained(URI url, Throwable error) {
        String where = url.toString();
        if (error instanceof CallNotPermittedException) {
            return new GbifException(where, "GBIF failed repeatedly; not asked again for up to "
                    + properties.breaker().openFor() + " (circuit breaker open)", true, error);
        }
        if (error instanceof TimeoutException) {
            return new GbifException(where, "GBIF gave no answer within " + properties.responseTimeout(), true,
                    error);
        }
        if (error instanceof WebClientResponseException response) {
            return new GbifException(where, "GBIF answered " + response.getStatusCode().value(), outage(error),
                    error);
        }
        if (error instanceof WebClientRequestException) {
            return new GbifException(where, "GBIF could not be reached (" + rootMessage(error) + ")", true, error);
        }
        return new GbifException(where, "GBIF's answer could not be read (" + rootMessage(error) + ")", false,
                error);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
