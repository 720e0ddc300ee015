package be.biodiversity.portal.gateway.limit;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test uses its own client address (X-Client-Ip, trusted here) so that budgets do not leak between tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.limits.write.requests=100", "portal.limits.auth-failures.requests=3",
        "portal.limits.auth-failures.period=60s", "portal.limits.client-ip-header=X-Client-Ip" })
@AutoConfigureWebTestClient
class AuthFailureTests {

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", content::url);
        registry.add("portal.render.url", content::url);
    }

    @AfterAll
    static void stop() {
        content.stop();
    }

    @Test
    void afterTooManyRefusedCredentialsTheClientsWritesStopAtTheGateway() {
        for (int i = 0; i < 3; i++) {
            int status = (i % 2 == 0) ? 403 : 401;
            write("10.1.0.1", "/api/directory/v1/organisations/status/" + status).isEqualTo(status);
        }
        long reached = content.received().size();
        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.0.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer the-right-one").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("refused for their credentials"));
        assertThat(content.received()).as("the blocked write never reached the service").hasSize((int) reached);

        this.web.get().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.0.1").exchange()
                .expectStatus().isOk();
        write("10.1.0.2", "/api/content/v1/pages").isOk();
    }

    @Test
    void editorReadsWithWrongTokensAreThrottledToo() {
        for (int i = 0; i < 3; i++) {
            this.web.get().uri("/api/content/v1/pages/status/403").header("X-Client-Ip", "10.1.2.1")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer guess-" + i).exchange().expectStatus().isEqualTo(403);
        }
        this.web.get().uri("/api/content/v1/pages?status=draft").header("X-Client-Ip", "10.1.2.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer guess-4").exchange().expectStatus().isEqualTo(429);
        // The same client's public reads, without credentials, go on.
        this.web.get().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.2.1").exchange()
                .expectStatus().isOk();
    }

    @Test
    void acceptedWritesAndOtherErrorsCostNothing() {
        for (int i = 0; i < 6; i++) {
            write("10.1.1.1", "/api/content/v1/pages").isOk();
            write("10.1.1.1", "/api/content/v1/pages/status/409").isEqualTo(409);
        }
        write("10.1.1.1", "/api/content/v1/pages").isOk();
    }

    private StatusAssertions write(String client, String path) {
        return this.web.post().uri(path).header("X-Client-Ip", client).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus();
    }
}
