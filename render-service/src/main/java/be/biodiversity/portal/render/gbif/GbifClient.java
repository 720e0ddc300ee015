package be.biodiversity.portal.render.gbif;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * render-service's one client of the GBIF API: GETs with a connect and a response timeout and no retry (a visitor is
 * waiting), one circuit breaker, a {@code User-Agent} naming the portal, and two Caffeine caches on the service's
 * {@link Ticker}:
 * <ul>
 * <li><b>fresh answers</b>, per URL, for {@code cache-ttl}: concurrent requests for one URL share one call;</li>
 * <li><b>last good answers</b>, per URL, for {@code keep-last-good}: only read when GBIF cannot be reached, and then
 * handed out marked {@code stale} with their time. Never anything made up: no kept answer, no answer.</li>
 * </ul>
 * A failure is never cached. A 404 is an empty answer. The caches are keyed by URL alone: the site's filter is part
 * of every URL, so the same URL means the same answer for any site.
 */
@Component
public class GbifClient {

    private static final Logger logger = LoggerFactory.getLogger(GbifClient.class);

    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final GbifProperties properties;
    private final WebClient http;
    private final CircuitBreaker breaker;
    private final AsyncCache<Key, Stamped> fresh;
    private final Cache<Key, Stamped> lastGood;
    private final Ticker ticker;

    GbifClient(WebClient.Builder boot, GbifProperties properties, Ticker ticker,
            ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.ticker = ticker;
        HttpClient netty = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
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
        this.fresh = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(properties.cacheSize())
                .ticker(ticker).recordStats().buildAsync();
        this.lastGood = Caffeine.newBuilder().expireAfterWrite(properties.keepLastGood())
                .maximumSize(properties.cacheSize()).ticker(ticker).build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, fresh, "render.gbif"));
    }

    /**
     * {@code GET {api-url}{path}?query}, read as {@code type} (kept per URL and type): the fresh
     * answer, else the last good one marked stale; empty when GBIF answers 404. Fails with
     * {@link GbifUnavailableException} (GBIF out of reach, nothing kept) or {@link GbifRefusedException} (a 4xx).
     * Tells the {@link PageLife} of the render, if there is one, until when the answer is fresh, or that the page is
     * not to be kept (a last good answer, a failure).
     */
    public <T> Mono<GbifAnswer<T>> get(String path, List<Map.Entry<String, String>> query, Class<T> type) {
        URI url = url(path, query);
        Key cacheKey = new Key(url, type);
        return Mono.deferContextual(context -> {
            PageLife life = PageLife.of(context);
            forgetIfOld(cacheKey);
            // A failure completes the future normally (Caffeine would log every failed load at WARN), and is
            // forgotten at once: the next request asks GBIF again.
            CompletableFuture<Stamped> answer = fresh.get(cacheKey, (key, executor) -> fetch(url, type)
                    .map(value -> new Stamped(value, Instant.now(), ticker.read(), null))
                    .doOnNext(stamped -> lastGood.put(cacheKey, stamped))
                    .onErrorResume(error -> Mono.just(new Stamped(null, null, 0, error)))
                    .toFuture());
            return Mono.fromFuture(answer, true).flatMap(stamped -> {
                if (stamped.error() != null) {
                    fresh.asMap().remove(cacheKey, answer);
                    return Mono.error(stamped.error());
                }
                if (life != null) {
                    life.freshUntil(stamped.nanos() + properties.cacheTtl().toNanos());
                }
                return Mono.just(new GbifAnswer<>(type.cast(stamped.value()), stamped.at(), false));
            }).onErrorResume(error -> {
                if (life != null) {
                    life.notToKeep();
                }
                Stamped kept = error instanceof GbifUnavailableException ? lastGood.getIfPresent(cacheKey) : null;
                return kept == null ? Mono.error(error)
                        : Mono.just(new GbifAnswer<>(type.cast(kept.value()), kept.at(), true));
            });
        });
    }

    /**
     * Caffeine sets an async entry's write time when its future completes, which may be a moment after the answer
     * arrived; the answer's own arrival time decides here, so an answer is never used past {@code cache-ttl}.
     */
    private void forgetIfOld(Key key) {
        CompletableFuture<Stamped> kept = fresh.getIfPresent(key);
        if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
            Stamped stamped = kept.getNow(null);
            if (stamped != null && stamped.error() == null
                    && ticker.read() - stamped.nanos() >= properties.cacheTtl().toNanos()) {
                fresh.asMap().remove(key, kept);
            }
        }
    }

    /** The answer if one is kept fresh now, without asking GBIF (labels of facet values). */
    public <T> T ifFresh(String path, List<Map.Entry<String, String>> query, Class<T> type) {
        CompletableFuture<Stamped> kept = fresh.getIfPresent(new Key(url(path, query), type));
        if (kept == null || !kept.isDone() || kept.isCompletedExceptionally()) {
            return null;
        }
        Stamped stamped = kept.getNow(null);
        return stamped == null || stamped.error() != null ? null : type.cast(stamped.value());
    }

    /** The circuit breaker's state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
    public String breakerState() {
        return breaker.getState().name();
    }

    /** {@code {api-url}{path}?a=1&b=2}, the query in the order given, values form-encoded. */
    URI url(String path, List<Map.Entry<String, String>> query) {
        String base = properties.apiUrl().toString().replaceAll("/+$", "") + path;
        if (query.isEmpty()) {
            return URI.create(base);
        }
        return URI.create(base + "?" + query.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    private <T> Mono<T> fetch(URI url, Class<T> type) {
        return http.get().uri(url).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(type)
                .timeout(properties.responseTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorResume(WebClientResponseException.class,
                        error -> error.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? Mono.empty()
                                : Mono.error(error))
                .onErrorMap(error -> explained(url, error));
    }

    /** A failure on GBIF's side or on the way there: counted by the circuit breaker. */
    static boolean outage(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError();
        }
        return error instanceof WebClientRequestException || error instanceof TimeoutException;
    }

    private RuntimeException explained(URI url, Throwable error) {
        if (error instanceof WebClientResponseException response && !outage(error)) {
            logger.warn("GBIF refused {}: {}", url, response.getStatusCode().value());
            return new GbifRefusedException(response.getStatusCode().value(), refusal(response));
        }
        String reason;
        if (error instanceof CallNotPermittedException) {
            reason = "GBIF failed repeatedly; not asked again for up to " + properties.breaker().openFor();
        }
        else if (error instanceof TimeoutException) {
            reason = "GBIF gave no answer within " + properties.responseTimeout();
        }
        else if (error instanceof WebClientResponseException response) {
            reason = "GBIF answered " + response.getStatusCode().value();
        }
        else if (outage(error)) {
            reason = "GBIF could not be reached";
        }
        else {
            reason = "GBIF's answer could not be read";
        }
        logger.warn("{}: {} ({})", reason, url, error.getClass().getSimpleName());
        return new GbifUnavailableException(reason, error);
    }

    /** GBIF's own explanation of a 4xx (plain text), cut short; never shown as HTML. */
    private static String refusal(WebClientResponseException response) {
        String body = response.getResponseBodyAsString(StandardCharsets.UTF_8).strip();
        if (body.isEmpty() || body.startsWith("<")) {
            return "GBIF answered " + response.getStatusCode().value();
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** An answer and when GBIF gave it, or the failure of asking. */
    private record Stamped(Object value, Instant at, long nanos, Throwable error) {
    }

    /** One URL may be read as different records (a dataset's title, the whole dataset): kept apart. */
    private record Key(URI url, Class<?> type) {
    }
}
