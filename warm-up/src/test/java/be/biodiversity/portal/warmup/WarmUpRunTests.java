package be.biodiversity.portal.warmup;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** Each step is asked again while it answers 5xx, the next once it answers; max-wait ends it anyway, saying why. */
class WarmUpRunTests {

    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final AtomicInteger readinessLeft503 = new AtomicInteger(3);

    private final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
        .handle((request, response) -> {
            this.asked.add(request.uri());
            if (request.uri().equals("/ready")) {
                return response.status(this.readinessLeft503.getAndDecrement() > 0 ? 503 : 200).send();
            }
            if (request.uri().equals("/down")) {
                return response.status(503).send();
            }
            return response.status(request.uri().equals("/missing") ? 404 : 200).send();
        })
        .bindNow();

    @AfterEach
    void stop() {
        this.server.disposeNow();
    }

    @Test
    void asksAStepAgainWhileItAnswers5xxThenTheNextOnes() {
        Logger log = mock(Logger.class);
        new WarmUpRun(WebClient.create(), Duration.ofMinutes(1), Duration.ofMillis(10), log)
            .run(Flux.just(step("/ready"), step("/"), step("/missing"), step("/nl/community")));

        assertThat(this.asked).containsExactly("/ready", "/ready", "/ready", "/ready", "/", "/missing",
                "/nl/community");
        verify(log).info(eq("Warm-up: {} answered {}"), eq("/missing"), eq(404));
    }

    @Test
    void endsAfterMaxWaitSayingWhatItWasWaitingFor() {
        Logger log = mock(Logger.class);
        new WarmUpRun(WebClient.create(), Duration.ofMillis(300), Duration.ofMillis(10), log)
            .run(Flux.just(step("/down"), step("/")));

        assertThat(this.asked).contains("/down").doesNotContain("/");
        verify(log).warn("Reporting ready without a complete warm-up: after {} still {}; serving what we can",
                Duration.ofMillis(300), "/down: /down answered 503");
    }

    private WarmUpRun.Step step(String path) {
        return new WarmUpRun.Step(path, URI.create("http://127.0.0.1:" + this.server.port() + path));
    }
}
