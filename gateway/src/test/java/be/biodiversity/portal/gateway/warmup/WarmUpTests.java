package be.biodiversity.portal.gateway.warmup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import be.biodiversity.portal.gateway.GatewayApplication;
import be.biodiversity.portal.gateway.StubService;
import be.biodiversity.portal.gateway.StubService.Failure;
import be.biodiversity.portal.gateway.StubService.Received;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway reports ready only once render-service is ready and the first pages went through its own public port
 * (so they are in its page cache and its path to render-service is warm), and after {@code max-wait} even when
 * render-service never becomes ready. The application is started as {@code main} starts it, on another thread, so
 * that its state can be seen while it warms up.
 */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTests {

    private static final String READINESS = "/actuator/health/readiness";

    private final StubService render = new StubService("render");

    private final StubService content = new StubService("content");

    @AfterEach
    void stopServices() {
        this.render.stop();
        this.content.stop();
    }

    @Test
    void asksForNoPageUntilRenderServiceIsReadyThenForTheFirstPagesThenBecomesReady() throws Exception {
        this.render.failing(Failure.STATUS_503);
        CompletableFuture<ConfigurableApplicationContext> started = new CompletableFuture<>();
        CompletableFuture<ConfigurableApplicationContext> ready = start(started, "--portal.warm-up.max-wait=5m");

        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (this.render.count(READINESS) < 3) {
            assertThat(ready).as("ready while render-service was not").isNotDone();
            assertThat(System.nanoTime()).as("render-service's readiness asked 3 times").isLessThan(giveUp);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(readiness(started.get())).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(paths()).as("pages asked for before render-service was ready").containsOnly(READINESS);

        this.render.failing(Failure.NONE);
        try (ConfigurableApplicationContext context = ready.get(2, TimeUnit.MINUTES)) {
            assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            List<String> pages = paths().stream().filter((path) -> !path.equals(READINESS)).toList();
            assertThat(pages).as("the pages, through the gateway's own routes").containsExactly("/", "/nl/community");
            assertThat(this.render.received().stream().filter((r) -> r.uri().equals("/")).findFirst().orElseThrow()
                .headers()).as("sent by the gateway's route, not straight to render-service")
                .containsKey("x-forwarded-for");
        }
    }

    @Test
    void becomesReadyAfterMaxWaitWhenRenderServiceNeverIs(CapturedOutput output) throws Exception {
        this.render.failing(Failure.STATUS_503);
        CompletableFuture<ConfigurableApplicationContext> ready = start(new CompletableFuture<>(),
                "--portal.warm-up.max-wait=2s", "--portal.warm-up.retry-interval=100ms");

        try (ConfigurableApplicationContext context = ready.get(2, TimeUnit.MINUTES)) {
            assertThat(readiness(context)).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(output).contains("Reporting ready without a complete warm-up: after PT2S still "
                    + "render-service's readiness: render-service's readiness answered 503");
        }
    }

    private List<String> paths() {
        return this.render.received().stream().map(Received::uri).distinct().toList();
    }

    private CompletableFuture<ConfigurableApplicationContext> start(
            CompletableFuture<ConfigurableApplicationContext> started, String... more) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.addListeners((ApplicationStartedEvent event) -> started.complete(event.getApplicationContext()));
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--portal.warm-up.enabled=true", "--portal.page-cache.follow-changes=false",
                "--portal.render.url=" + this.render.url(), "--portal.content.url=" + this.content.url(),
                "--portal.directory.url=" + this.content.url()));
        args.addAll(List.of(more));
        return CompletableFuture.supplyAsync(() -> application.run(args.toArray(String[]::new)));
    }

    private static ReadinessState readiness(ConfigurableApplicationContext context) {
        return context.getBean(ApplicationAvailability.class).getReadinessState();
    }

}
