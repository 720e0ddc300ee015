package be.biodiversity.portal.render.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor's request is one trace across services, and the service's metrics are there for Prometheus. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestMethodOrder(OrderAnnotation.class)
class ObservabilityTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/community", "contracts/content/page-nl-community.json")
        .json("/api/content/v1/pages/translations?key=community", "contracts/content/translations-community.json");

    static final ProviderStub directory = ProviderStub.start()
        .json("/api/directory/v1/organisations?role=MEMBER&limit=1000", "contracts/directory/organisations-member.json")
        .json("/api/directory/v1/organisations?role=PARTNER&limit=1000",
                "contracts/directory/organisations-partner.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterAll
    static void stop() {
        content.close();
        directory.close();
    }

    @LocalServerPort
    int port;

    /**
     * Sent with a plain HTTP client: the test client would start a trace of its own. Runs first: once the page
     * is in the render cache, a request reaches no provider and carries no trace to them.
     */
    @Test
    @Order(1)
    void theTraceContextOfAVisitorsRequestReachesBothProviders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/nl/community"))
            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(content.traceparents()).anySatisfy(header -> assertThat(header).contains(TRACE_ID));
        assertThat(directory.traceparents()).anySatisfy(header -> assertThat(header).contains(TRACE_ID));
    }

    @Test
    @Order(2)
    void prometheusCanScrapeRequestAndCacheMetrics() {
        web.get().uri("/nl/community").exchange().expectStatus().isOk();
        String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("http_server_requests_seconds_count", "portal_render_cache_requests_total",
                "http_client_requests_seconds_count", "application=\"render-service\"");
        assertThat(metrics).as("Caffeine's own statistics of the page cache")
            .containsPattern("cache_gets_total\\{[^}]*cache=\"render.pages\"");
    }
}
