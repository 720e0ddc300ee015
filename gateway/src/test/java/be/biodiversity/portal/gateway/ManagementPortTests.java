package be.biodiversity.portal.gateway;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics are served on the management port (management.server.port; random here), for probes and
 * Prometheus; the public port answers 404 for all of /actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ManagementPortTests {

    static final StubService render = new StubService("render");

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void springDataRedisIsNotConfiguredWhileTheLimitsDoNotUseRedis() {
        assertThat(this.context.getBeanNamesForType(
                org.springframework.data.redis.connection.ReactiveRedisConnectionFactory.class)).isEmpty();
    }

    /**
     * Jackson 2 is on the class path (Spring Cloud's resilience4j module brings it), but the actuator writes with
     * Jackson 3: Boot's second, Jackson 2 mapper for it loaded about 300 classes for nothing (issue 16).
     */
    @Test
    void theActuatorWritesWithJackson3Alone() {
        assertThat(this.context.getBeanNamesForType(
                org.springframework.boot.actuate.endpoint.jackson.EndpointJackson2ObjectMapper.class)).isEmpty();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", content::url);
    }

    @AfterAll
    static void stop() {
        render.stop();
        content.stop();
    }

    @Test
    void theManagementPortIsNotThePublicPort() {
        assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
    }

    @Test
    void prometheusShowsRequestsByRouteAndStatus() {
        this.web.get().uri("/nl/metered").exchange().expectStatus().isOk();
        this.web.get().uri("/api/content/v1/metered").exchange().expectStatus().isOk();
        this.web.get().uri("/xx/metered").exchange().expectStatus().isNotFound();

        String scrape = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/plain")
                .expectBody(String.class).returnResult().getResponseBody();

        String route = "spring_cloud_gateway_requests_seconds_count\\{[^}]*";
        assertThat(scrape)
                .containsPattern(route + "routeId=\"pages\"[^}]*status=\"OK\"")
                .containsPattern(route + "routeId=\"pages\"[^}]*status=\"NOT_FOUND\"")
                .containsPattern(route + "routeId=\"content-api\"[^}]*status=\"OK\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*application=\"gateway\"[^}]*\"200\"");
        assertThat(render.received()).noneMatch(r -> r.uri().contains("actuator"));
    }

    @Test
    void healthAndItsProbeGroupsAreUpOnTheManagementPort() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            management().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator",
            "/actuator/info", "/actuator/metrics" })
    void theActuatorIsNotReachableOnThePublicPort(String path) {
        this.web.get().uri(path).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("jvm_", "UP"));
        assertThat(render.received()).noneMatch(r -> r.uri().contains("actuator"));
    }

    @Test
    void aScrapeIsNeverServedOnThePublicPortFromThePageCache() {
        for (int i = 0; i < 3; i++) {
            management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
            management().get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
        for (String path : List.of("/actuator/prometheus", "/actuator/health")) {
            this.web.get().uri(path).exchange().expectStatus().isNotFound()
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain("jvm_", "UP"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/nl/community", "/api/content/v1/pages", "/actuator/env", "/actuator/gateway/routes",
            "/actuator/prometheus/nl", "/actuator/info/nl", "/actuator/health/nl" })
    void theManagementPortServesTheActuatorOnlyAndRoutesNothing(String path) {
        management().get().uri(path).exchange().expectStatus().isNotFound();
        assertThat(render.received()).noneMatch(r -> r.uri().equals(path));
        assertThat(content.received()).noneMatch(r -> r.uri().equals(path));
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
    }
}
