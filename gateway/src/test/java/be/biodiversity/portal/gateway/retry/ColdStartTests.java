package be.biodiversity.portal.gateway.retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import be.biodiversity.portal.gateway.StubService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A just-started render-service, with the gateway's own timeouts (answer 5 s, circuit-breaker time limits): its first
 * render of a page takes longer than the response timeout, the next 1.5 s. Visitors get the page, not the fallback;
 * writes are never sent twice; a half-open circuit lets enough visitors through to a cold service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.page-cache.enabled=false", "portal.page-cache.follow-changes=false" })
class ColdStartTests {

    static final ColdRenderService render = new ColdRenderService();

    static final StubService content = new StubService("content");

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", content::url);
        registry.add("portal.render.url", render::url);
    }

    @AfterEach
    void closeCircuit() {
        this.circuitBreakers.circuitBreaker("render-service").reset();
    }

    @AfterAll
    static void stop() {
        render.close();
        content.stop();
    }

    @Test
    void aPageWhoseFirstRenderOutlastsTheResponseTimeoutIsSentOnceMore() {
        Answer answer = get("/nl/cold");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("render GET /nl/cold #2");
        assertThat(render.received()).filteredOn("GET /nl/cold"::equals).hasSize(2);
    }

    @Test
    void aWriteIsNeverSentTwice() {
        Answer answer = client().post().uri("/nl/cold-form").bodyValue("name=x")
            .exchangeToMono((response) -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map((body) -> new Answer(response.statusCode().value(), body)))
            .block(Duration.ofMinutes(1));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(render.received()).filteredOn("POST /nl/cold-form"::equals).hasSize(1);
    }

    @Test
    void aHalfOpenCircuitLetsTenVisitorsThroughToAColdRenderService() throws Exception {
        CircuitBreaker circuit = this.circuitBreakers.circuitBreaker("render-service");
        circuit.transitionToOpenState();
        circuit.transitionToHalfOpenState();
        int visitors = 8;
        CountDownLatch allArrived = render.holdGatedUntilReleased(visitors);
        CompletableFuture<List<Integer>> statuses = Flux.range(0, visitors)
            .flatMap((i) -> client().get().uri("/nl/gated-" + i)
                .exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())))
            .collectList()
            .toFuture();

        boolean arrived = allArrived.await(1, TimeUnit.MINUTES);
        render.release();
        assertThat(arrived).as("all %s trial requests reached render-service", visitors).isTrue();
        assertThat(statuses.get(1, TimeUnit.MINUTES)).containsOnly(200);
    }

    private Answer get(String path) {
        return client().get().uri(path)
            .exchangeToMono((response) -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map((body) -> new Answer(response.statusCode().value(), body)))
            .block(Duration.ofMinutes(1));
    }

    private WebClient client() {
        return WebClient.create("http://127.0.0.1:" + this.port);
    }

    private record Answer(int status, String body) {
    }

    /**
     * Stands in for render-service just after a start: the first request for a {@code /nl/cold…} path is answered
     * after 7 s (longer than the gateway's 5 s response timeout), later ones after 1.5 s; {@code /nl/gated…} paths
     * wait until {@link #release()}.
     */
    static final class ColdRenderService implements AutoCloseable {

        private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

        private final List<String> received = new CopyOnWriteArrayList<>();

        private final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle)
            .bindNow();

        private volatile Sinks.Empty<Void> gate = Sinks.empty();

        private volatile CountDownLatch gated = new CountDownLatch(0);

        String url() {
            return "http://127.0.0.1:" + this.server.port();
        }

        List<String> received() {
            return List.copyOf(this.received);
        }

        CountDownLatch holdGatedUntilReleased(int requests) {
            this.gate = Sinks.empty();
            this.gated = new CountDownLatch(requests);
            return this.gated;
        }

        void release() {
            this.gate.tryEmitEmpty();
        }

        private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
            String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
            String call = request.method().name() + " " + path;
            this.received.add(call);
            int nth = this.seen.computeIfAbsent(call, (key) -> new AtomicInteger()).incrementAndGet();
            Mono<?> wait = Mono.empty();
            if (path.startsWith("/nl/cold")) {
                wait = Mono.delay((nth == 1) ? Duration.ofSeconds(7) : Duration.ofMillis(1500));
            }
            else if (path.startsWith("/nl/gated")) {
                this.gated.countDown();
                wait = this.gate.asMono();
            }
            String body = "render " + call + " #" + nth;
            return request.receive().then().then(wait.then(response.status(200)
                .header("Content-Type", "text/html;charset=UTF-8")
                .sendString(Mono.just(body), StandardCharsets.UTF_8)
                .then()));
        }

        @Override
        public void close() {
            this.server.disposeNow();
        }

    }

}
