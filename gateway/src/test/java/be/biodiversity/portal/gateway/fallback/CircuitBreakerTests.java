package be.biodiversity.portal.gateway.fallback;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s" })
@AutoConfigureWebTestClient
class CircuitBreakerTests {

    static final StubService content = new StubService("content");

    static final StubService directory = new StubService("directory");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", directory::url);
        registry.add("portal.render.url", directory::url);
    }

    @AfterAll
    static void stop() {
        content.stop();
        directory.stop();
    }

    @Test
    void afterRepeatedFailuresAServiceIsLeftAloneWhileTheOthersAreStillServed() {
        for (int i = 0; i < 4; i++) {
            this.web.get().uri("/api/content/v1/close").exchange().expectStatus().isEqualTo(503);
        }
        content.received().clear();

        this.web.get().uri("/api/content/v1/pages").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(content.received()).isEmpty();

        this.web.get().uri("/api/directory/v1/organisations").exchange().expectStatus().isOk();
        this.web.get().uri("/nl/community").exchange().expectStatus().isOk();
    }
}
