package be.biodiversity.portal.gateway.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import be.biodiversity.portal.gateway.StubService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway decides whether a trace is recorded when it starts one, the services follow its decision, and what
 * is recorded goes to the OTLP endpoint. With probability 0, only a caller's sampled trace is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.sampling.probability=0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms" })
class TraceSamplingTests {

    static final StubService render = new StubService("render");

    /** An OTLP/HTTP receiver: keeps the body of every {@code POST /v1/traces} (protobuf) and answers 200. */
    static final List<byte[]> exported = new CopyOnWriteArrayList<>();

    static final DisposableServer collector = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.post("/v1/traces", (request, response) -> request.receive().aggregate()
                    .asByteArray().doOnNext(exported::add)
                    .then(Mono.defer(() -> response.status(200).header("Content-Type", "application/x-protobuf")
                            .send().then()))))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", render::url);
        registry.add("portal.directory.url", render::url);
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + collector.port() + "/v1/traces");
    }

    @AfterAll
    static void stop() {
        render.stop();
        collector.disposeNow();
    }

    @Test
    void theServicesFollowTheGatewaysSamplingAndOnlySampledTracesAreExported() throws Exception {
        get("/nl/unsampled", null);
        String unsampled = traceparentReceived("/nl/unsampled");
        assertThat(unsampled).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");

        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        get("/nl/sampled", "00-" + trace + "-00f067aa0ba902b7-01");
        assertThat(traceparentReceived("/nl/sampled")).matches("00-" + trace + "-[0-9a-f]{16}-01");

        // Spans leave in the order they ended: once the sampled trace is there, the unsampled one would be too.
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(exported).anyMatch(body -> contains(body, trace)));
        assertThat(exported).noneMatch(body -> contains(body, unsampled.substring(3, 35)));
    }

    private void get(String path, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(URI.create("http://127.0.0.1:" + this.port + path));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String traceparentReceived(String path) {
        return render.received().stream().filter(r -> r.uri().equals(path)).findFirst().orElseThrow()
                .headers().get("traceparent");
    }

    /** Whether an OTLP protobuf body holds the trace id (16 bytes as they are on the wire). */
    private static boolean contains(byte[] body, String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        for (int i = 0; i + id.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + id.length, id, 0, id.length)) {
                return true;
            }
        }
        return false;
    }
}
