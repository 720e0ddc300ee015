package be.biodiversity.portal.content;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus scrapes: request metrics by route and status, and the MongoDB connection pool. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MetricsTests {

    @Autowired
    WebTestClient web;

    @Test
    void requestAndMongoDbPoolMetricsAreExposed() {
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/nothing").exchange().expectStatus().isNotFound();
        String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("http_server_requests_seconds_count", "uri=\"/api/content/v1/pages\"",
                "status=\"404\"", "mongodb_driver_pool_size", "application=\"content-service\"");
    }
}
