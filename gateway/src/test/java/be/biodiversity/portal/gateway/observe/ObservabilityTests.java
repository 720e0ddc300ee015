package be.biodiversity.portal.gateway.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import be.biodiversity.portal.gateway.StubService;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log, and the gateway's part in a visitor's trace: its own spans, exported, between the caller's
 * and the services'. Requests that carry a trace go through a plain HTTP client, which sends what it is told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    static final StubService render = new StubService("render");

    @Autowired
    WebTestClient web;

    @Autowired
    ExportedSpans exported;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", render::url);
        registry.add("portal.directory.url", render::url);
    }

    @AfterAll
    static void stop() {
        render.stop();
    }

    @Test
    void everyRequestGetsOneAccessLogLineWithItsTrace(CapturedOutput output) throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        // A URL with a query string is kept on its second request: the third is answered from the cache.
        for (int i = 0; i < 3; i++) {
            get("/nl/logged?x=1", "00-" + trace + "-b7ad6b7169203331-01");
        }
        this.web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut())
                    .containsPattern("GET /nl/logged 200 \\d+\\.\\dms trace=" + trace + " cache=miss")
                    .containsPattern("GET /nl/logged 200 \\d+\\.\\dms trace=" + trace + " cache=(hit|fast)")
                    .containsPattern("GET /actuator/env 404 \\d+\\.\\dms trace=[0-9a-f]{32} client=127.0.0.1");
        });
        assertThat(output.getOut()).doesNotContain("x=1");
    }

    @Test
    void aValidTraceparentIsContinuedThroughTheGatewaysOwnSpans(CapturedOutput output) throws Exception {
        get("/nl/continued", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        String sent = traceparentReceived("/nl/continued");
        assertThat(sent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        String parent = sent.substring(36, 52);
        assertThat(parent).isNotEqualTo("00f067aa0ba902b7");
        // The parent the service sees is the gateway's client span, child of its server span, child of the caller's.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            SpanData client = this.exported.span(parent);
            assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(client.getTraceId()).isEqualTo(TRACE_ID);
            SpanData server = this.exported.span(client.getParentSpanId());
            assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET /nl/continued 200 \\d+\\.\\dms trace=" + TRACE_ID + " cache=miss"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "00-" + TRACE_ID + "-0000000000000000-01",
            "00-" + TRACE_ID + "-00F067AA0BA902B7-01", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01" })
    void anInvalidTraceparentStartsANewTrace(String invalid, CapturedOutput output) throws Exception {
        String path = "/nl/restarted-" + Integer.toHexString(invalid.hashCode());
        get(path, invalid);

        String sent = traceparentReceived(path);
        assertThat(sent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE_ID, "00f067aa0ba902b7");
        String trace = sent.substring(3, 35);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET " + path + " 200 \\d+\\.\\dms trace=" + trace + " cache=miss"));
    }

    @Test
    void nothingIsSentOverOtlpWithoutAnEndpoint() {
        assertThat(this.context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
    }

    @Test
    void theFastPathLogsTheTraceOfAValidTraceparentOnly() {
        assertThat(TraceContext.traceId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"))
                .isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(TraceContext.traceId("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00-later"))
                .isEqualTo("0af7651916cd43dd8448eb211c80319c");
        for (String invalid : new String[] { null, "", "garbage",
                "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-later",
                "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", "00-XYZ-b7ad6b7169203331-01" }) {
            assertThat(TraceContext.traceId(invalid)).matches("[0-9a-f]{32}")
                    .isNotEqualToIgnoringCase("0af7651916cd43dd8448eb211c80319c").isNotEqualTo("0".repeat(32));
        }
        assertThat(TraceContext.traceId(null)).isNotEqualTo(TraceContext.traceId(null));
    }

    private void get(String path, String traceparent) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(URI.create("http://127.0.0.1:" + this.port + path))
                        .header("traceparent", traceparent).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String traceparentReceived(String path) {
        return render.received().stream().filter(r -> r.uri().equals(path)).findFirst().orElseThrow()
                .headers().get("traceparent");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Exporter {

        @Bean
        ExportedSpans exportedSpans() {
            return new ExportedSpans();
        }
    }

    /** The spans the gateway exports, kept in memory: Boot's span processor sends to every exporter bean. */
    static final class ExportedSpans implements SpanExporter {

        private final List<SpanData> spans = new CopyOnWriteArrayList<>();

        SpanData span(String spanId) {
            return this.spans.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst()
                    .orElseThrow(() -> new AssertionError("span " + spanId + " not exported"));
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            this.spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
