package be.biodiversity.portal.render.warmup;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.site.SiteLanguages;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Once content-service reports ready (its start-up import stored), renders the first pages visitors ask for — the
 * home page of each language and {@code portal.warm-up.paths} — through this service's own HTTP port before it
 * reports ready, so that the templates are compiled, the connections
 * to content-service and directory-service are open, the code paths are warm and the page cache holds them.
 * <p>
 * Spring Boot runs {@link ApplicationRunner}s after the web server has started and before it sets the readiness state
 * to {@code ACCEPTING_TRAFFIC}: while {@link #run} waits (on the main thread, never an event loop), {@code /actuator/health}
 * and {@code /actuator/health/readiness} answer 503 {@code OUT_OF_SERVICE}. A page that fails (5xx, no answer) is
 * asked for again every {@code retry-interval}; after {@code max-wait} the service becomes ready anyway and logs why: a
 * provider that is down must not keep this service from serving what it can.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final WebClient.Builder web;

    private final Environment environment;

    private final WarmUpProperties properties;

    private final SiteLanguages languages;

    private final PortalProperties portal;

    WarmUp(WebClient.Builder web, Environment environment, WarmUpProperties properties, SiteLanguages languages,
            PortalProperties portal) {
        this.web = web;
        this.portal = portal;
        this.environment = environment;
        this.properties = properties;
        this.languages = languages;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer port = this.environment.getProperty("local.server.port", Integer.class);
        if (!this.properties.enabled() || port == null) {
            return;
        }
        List<String> paths = paths();
        log.info("Warming up before reporting ready: rendering {} (at most {})", paths, this.properties.maxWait());
        WebClient self = this.web.build();
        String origin = "http://127.0.0.1:" + port;
        AtomicReference<String> lastFailure = new AtomicReference<>("no answer yet");
        long started = System.nanoTime();
        // Waiting here is the point: the readiness state stays REFUSING_TRAFFIC until this returns.
        // content-service first: until its start-up import is stored it serves the site as it was, and pages
        // rendered from that would be dropped (and rendered again, by a visitor) as soon as the import lands.
        // Then the home page: rendering it reads the site, whose languages name the other home pages.
        contentReady(self, lastFailure)
            .then(render(self, origin, "/", lastFailure))
            .thenMany(Flux.defer(() -> Flux.fromIterable(paths())).filter((path) -> !path.equals("/")))
            .concatMap((path) -> render(self, origin, path, lastFailure))
            .then(Mono.fromRunnable(() -> log.info("Warmed up in {} ms; reporting ready",
                    Duration.ofNanos(System.nanoTime() - started).toMillis())))
            .timeout(this.properties.maxWait())
            .onErrorResume(TimeoutException.class, (timeout) -> {
                log.warn("Reporting ready without a complete warm-up: after {} still {}; serving what we can",
                        this.properties.maxWait(), lastFailure.get());
                return Mono.empty();
            })
            .block();
    }

    List<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        this.languages.all().forEach((language) -> paths.add(this.languages.home(language)));
        paths.addAll(this.properties.paths());
        return List.copyOf(paths);
    }

    /**
     * Waits until content-service answers its readiness probe with 200. A 503 (still importing, still starting) or
     * no answer is asked again every {@code retry-interval}; any other answer (a content-service without the probe)
     * does not hold the warm-up back.
     */
    private Mono<HttpStatusCode> contentReady(WebClient self, AtomicReference<String> lastFailure) {
        URI probe = URI.create(this.portal.content().url().toString().replaceAll("/+$", "")
                + "/actuator/health/readiness");
        return self.get()
            .uri(probe)
            .exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
            .flatMap((status) -> status.value() == 503
                    ? Mono.<HttpStatusCode>error(new IllegalStateException("content-service is not ready yet"))
                    : Mono.just(status))
            .doOnError((failure) -> lastFailure.set("content-service's readiness: " + describe(failure)))
            .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.properties.retryInterval()))
            .doOnNext((status) -> log.info("Warm-up: content-service's readiness answered {}", status.value()));
    }

    private Mono<HttpStatusCode> render(WebClient self, String origin, String path,
            AtomicReference<String> lastFailure) {
        return self.get()
            .uri(URI.create(origin + path))
            .exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
            .flatMap((status) -> status.is5xxServerError()
                    ? Mono.<HttpStatusCode>error(new IllegalStateException(path + " answered " + status.value()))
                    : Mono.just(status))
            .doOnError((failure) -> lastFailure.set(path + ": " + describe(failure)))
            .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.properties.retryInterval()))
            .doOnNext((status) -> log.info("Warm-up: {} answered {}", path, status.value()));
    }

    private static String describe(Throwable failure) {
        return failure instanceof IllegalStateException ? failure.getMessage() : failure.toString();
    }

}
