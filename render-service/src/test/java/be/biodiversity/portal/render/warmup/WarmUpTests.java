package be.biodiversity.portal.render.warmup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.RenderServiceApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * render-service reports ready (readiness state, {@code /actuator/health}, the readiness group) only once it has
 * rendered the first pages visitors ask for, and after {@code max-wait} even when content-service does not answer.
 * The application is started as {@code main} starts it, on another thread, so that its state can be seen while it
 * is still warming up.
 */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTests {

    private static final String PAGES = "/api/content/v1/pages?";

    private static final String READINESS = "/actuator/health/readiness";

    private final ProviderStub content = ProviderStub.start()
        .json(PAGES + "lang=en&path=/", "contracts/content/page-en-community.json")
        .json(PAGES + "lang=nl&path=/nl/community", "contracts/content/page-nl-community.json");

    private final ProviderStub directory = ProviderStub.start();

    @AfterEach
    void stopProviders() {
        this.content.close();
        this.directory.close();
    }

    @Test
    void refusesTrafficUntilTheFirstPagesWereRenderedThenAcceptsIt() throws Exception {
        CompletableFuture<Void> firstPageAsked = new CompletableFuture<>();
        Sinks.Empty<Void> release = Sinks.empty();
        this.content.holdAnswers(PAGES, Mono.fromRunnable(() -> firstPageAsked.complete(null)).then(release.asMono()));
        CompletableFuture<ConfigurableApplicationContext> started = new CompletableFuture<>();
        CompletableFuture<ConfigurableApplicationContext> ready = start(started, "--portal.warm-up.max-wait=5m");

        CompletableFuture.anyOf(firstPageAsked, ready).get(2, TimeUnit.MINUTES);
        assertThat(ready).as("ready before a page was rendered").isNotDone();
        ConfigurableApplicationContext warming = started.get();
        assertThat(readiness(warming)).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        WebTestClient http = http(warming);
        http.get().uri("/actuator/health").exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectBody().jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
        http.get().uri("/actuator/health/readiness").exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

        this.content.holdAnswers(PAGES, Mono.empty());
        release.tryEmitEmpty();
        try (ConfigurableApplicationContext context = ready.get(2, TimeUnit.MINUTES)) {
            assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(this.content.requests()).contains(PAGES + "lang=en&path=/", PAGES + "lang=nl&path=/nl",
                    PAGES + "lang=fr&path=/fr", PAGES + "lang=nl&path=/nl/community");
            http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
            http.get().uri("/nl/community").exchange().expectStatus().isOk();
        }
    }

    @Test
    void becomesReadyAfterMaxWaitWhenContentServiceDoesNotAnswer(CapturedOutput output) throws Exception {
        this.content.goDown();
        CompletableFuture<ConfigurableApplicationContext> ready = start(new CompletableFuture<>(),
                "--portal.warm-up.max-wait=2s", "--portal.warm-up.retry-interval=100ms");

        try (ConfigurableApplicationContext context = ready.get(2, TimeUnit.MINUTES)) {
            assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(output).contains(
                    "Reporting ready without a complete warm-up: after PT2S still content-service's readiness: ");
            http(context).get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }

    @Test
    void rendersNothingUntilContentServiceIsReady() throws Exception {
        this.content.respond(READINESS, 503, "application/json", "{\"status\":\"OUT_OF_SERVICE\"}");
        CompletableFuture<ConfigurableApplicationContext> ready = start(new CompletableFuture<>(),
                "--portal.warm-up.max-wait=5m", "--portal.warm-up.retry-interval=50ms");

        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (this.content.requests().stream().filter(READINESS::equals).count() < 3) {
            assertThat(ready).as("ready while content-service was not").isNotDone();
            assertThat(System.nanoTime()).as("content-service's readiness asked 3 times").isLessThan(giveUp);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(this.content.requests()).as("pages asked for while content-service was importing")
            .allMatch((request) -> !request.startsWith(PAGES));

        this.content.respond(READINESS, 200, "application/json", "{\"status\":\"UP\"}");
        try (ConfigurableApplicationContext context = ready.get(2, TimeUnit.MINUTES)) {
            assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(this.content.requests()).contains(PAGES + "lang=en&path=/");
        }
    }

    private CompletableFuture<ConfigurableApplicationContext> start(
            CompletableFuture<ConfigurableApplicationContext> started, String... more) {
        SpringApplication application = new SpringApplication(RenderServiceApplication.class);
        application.addListeners((ApplicationStartedEvent event) -> started.complete(event.getApplicationContext()));
        String[] args = new String[more.length + 5];
        args[0] = "--server.port=0";
        args[1] = "--portal.warm-up.enabled=true";
        args[2] = "--portal.content.url=" + this.content.baseUrl();
        args[3] = "--portal.directory.url=" + this.directory.baseUrl();
        args[4] = "--portal.content.response-timeout=2m";
        System.arraycopy(more, 0, args, 5, more.length);
        return CompletableFuture.supplyAsync(() -> application.run(args));
    }

    private static ReadinessState readiness(ConfigurableApplicationContext context) {
        return context.getBean(ApplicationAvailability.class).getReadinessState();
    }

    private static WebTestClient http(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
            .build();
    }

}
