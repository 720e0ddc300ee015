package be.biodiversity.portal.content.gbif;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** application.yml's settings reach the client: the circuit breaker's, and a 4xx not counted against GBIF. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class GbifSettingsTests {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    GbifProperties properties;

    @Test
    void theCircuitBreakerIsConfiguredFromTheSettings() {
        CircuitBreakerConfig config = breakers.circuitBreaker(GbifApi.BREAKER).getCircuitBreakerConfig();

        assertThat(config.getSlidingWindowSize()).isEqualTo(10);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(config.getIgnoreExceptionPredicate().test(new GbifRefused(400, "bad filter"))).isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new GbifUnavailable("down", null))).isTrue();
    }

    @Test
    void theUserAgentNamesThePortal() {
        assertThat(properties.userAgent()).contains("GBIF.be portal");
    }
}
