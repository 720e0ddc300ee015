package be.biodiversity.portal.gateway.observe;

import java.time.Duration;

import be.biodiversity.portal.gateway.StubService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

    static final StubService render = new StubService("render");

    @Autowired
    WebTestClient web;

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
    void everyRequestGetsOneAccessLogLineWithItsTrace(CapturedOutput output) {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        this.web.get().uri("/nl/logged?x=1").header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").exchange()
                .expectStatus().isOk();
        this.web.get().uri("/nl/logged?x=1").header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").exchange()
                .expectStatus().isOk();
        this.web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut()).containsPattern("GET /nl/logged 200 \\d+\\.\\dms trace=" + trace + " cache=miss")
                    .containsPattern("GET /nl/logged 200 \\d+\\.\\dms trace=" + trace + " cache=(hit|fast)")
                    .containsPattern("GET /actuator/env 404 \\d+\\.\\dms trace=[0-9a-f]{32} client=127.0.0.1");
        });
        assertThat(output.getOut()).doesNotContain("x=1");
    }

    @Test
    void aTraceparentIsContinuedOnlyWhenValid() {
        assertThat(TraceContext.continueOrStart("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"))
                .satisfies(t -> {
                    assertThat(t.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
                    assertThat(t.flags()).isEqualTo("00");
                    assertThat(t.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("b7ad6b7169203331");
                });
        for (String invalid : new String[] { null, "", "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01", "00-XYZ-b7ad6b7169203331-01" }) {
            assertThat(TraceContext.continueOrStart(invalid).traceId()).matches("[0-9a-f]{32}")
                    .isNotEqualTo("0af7651916cd43dd8448eb211c80319c").isNotEqualTo("0".repeat(32));
        }
    }
}
