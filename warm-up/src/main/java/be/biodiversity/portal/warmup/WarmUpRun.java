package be.biodiversity.portal.warmup;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A warm-up before a service reports ready: each step's address is asked in turn, again every
 * {@code retryInterval} while it answers 5xx or not at all (the service it names is starting, importing, down), the
 * next step once it answers anything else (a 404 is an answer). After {@code maxWait} the warm-up ends anyway and
 * says, at WARN, which step it was still waiting for: a service that is down must not keep another from serving
 * what it can. Meant to be called from an {@code ApplicationRunner} (Spring Boot sets the readiness state to
 * accepting traffic only after the runners return), never on an event loop: {@link #run} blocks.
 */
public final class WarmUpRun {

    /** What to ask: a name for the log, and the address. */
    public record Step(String what, URI uri) {
    }

    private final WebClient client;

    private final Duration maxWait;

    private final Duration retryInterval;

    private final Logger log;

    public WarmUpRun(WebClient client, Duration maxWait, Duration retryInterval, Logger log) {
        this.client = client;
        this.maxWait = maxWait;
        this.retryInterval = retryInterval;
        this.log = log;
    }

    /** Asks every step, in order (a deferred flux may work out later steps from what earlier ones did). */
    public void run(Flux<Step> steps) {
        AtomicReference<String> lastFailure = new AtomicReference<>("no answer yet");
        long started = System.nanoTime();
        steps.concatMap((step) -> ask(step, lastFailure))
            .then(Mono.fromRunnable(() -> this.log.info("Warmed up in {} ms; reporting ready",
                    Duration.ofNanos(System.nanoTime() - started).toMillis())))
            .timeout(this.maxWait)
            .onErrorResume(TimeoutException.class, (timeout) -> {
                this.log.warn("Reporting ready without a complete warm-up: after {} still {}; serving what we can",
                        this.maxWait, lastFailure.get());
                return Mono.empty();
            })
            .block();
    }

    private Mono<HttpStatusCode> ask(Step step, AtomicReference<String> lastFailure) {
        return this.client.get()
            .uri(step.uri())
            .exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
            .flatMap((status) -> status.is5xxServerError()
                    ? Mono.<HttpStatusCode>error(new IllegalStateException(step.what() + " answered " + status.value()))
                    : Mono.just(status))
            .doOnError((failure) -> lastFailure.set(step.what() + ": "
                    + (failure instanceof IllegalStateException ? failure.getMessage() : failure.toString())))
            .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.retryInterval))
            .doOnNext((status) -> this.log.info("Warm-up: {} answered {}", step.what(), status.value()));
    }
}
