package be.biodiversity.portal.gateway.limit;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
        "portal.limits.auth-failures.period=60s", "portal.limits.client-ip-header=X-Client-Ip",
        "portal.limits.allowed-origins=https://editor.example",
        // SHA-256 of "configured-token"
        "portal.limits.editor-token-sha256=" + AuthFailureTests.CONFIGURED_SHA256 })
@AutoConfigureWebTestClient
class AuthFailureTests {

    static final String CONFIGURED_SHA256 = "81e61c0285659b608bb9c28231cb7f73c7ffb5942d23d477d5567157fa663ce5";

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

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
                .header(HttpHeaders.AUTHORIZATION, "Bearer never-seen").contentType(MediaType.APPLICATION_JSON)
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

    @Test
    void requestsWithoutCredentialsAreNeverGuesses() {
        long reached = content.received().size();
        for (int i = 0; i < 5; i++) {
            // A cross-site "simple" form POST, as any web page can make a visitor's browser send.
            this.web.post().uri("/api/content/v1/pages/status/401").header("X-Client-Ip", "10.1.3.1")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("a=b").exchange()
                    .expectStatus().isForbidden();
            this.web.post().uri("/api/content/v1/pages/status/401").header("X-Client-Ip", "10.1.3.1")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("Authorization");
        }
        assertThat(content.received()).as("none reached a service").hasSize((int) reached);
        write("10.1.3.1", "/api/content/v1/pages", "Bearer the-right-one").isOk();
    }

    @Test
    void theRightTokenIsNeverRefusedByTheThrottle() {
        write("10.1.4.1", "/api/content/v1/pages", "Bearer the-right-one").isOk();
        for (int i = 0; i < 3; i++) {
            write("10.1.4.1", "/api/content/v1/pages/status/403", "Bearer guess-" + i).isEqualTo(403);
        }
        write("10.1.4.1", "/api/content/v1/pages", "Bearer guess-4").isEqualTo(429);
        long reached = content.received().size();
        write("10.1.4.1", "/api/content/v1/pages", "Bearer the-right-one").isOk();
        assertThat(content.received()).hasSize((int) reached + 1);
        write("10.1.4.1", "/api/content/v1/pages", "Bearer guess-5").isEqualTo(429);
    }

    @Test
    void aConfiguredTokenHashIsLetThroughBeforeAnyServiceAcceptedIt() {
        for (int i = 0; i < 3; i++) {
            write("10.1.5.1", "/api/content/v1/pages/status/401", "Bearer guess-" + i).isEqualTo(401);
        }
        write("10.1.5.1", "/api/content/v1/pages", "Bearer guess-4").isEqualTo(429);
        write("10.1.5.1", "/api/content/v1/pages", "Bearer configured-token").isOk();
    }

    @Test
    void writesFromOtherSitesAreRefusedBeforeAnyService() {
        long reached = content.received().size();
        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.6.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer the-right-one")
                .header(HttpHeaders.ORIGIN, "https://evil.example").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.field").isEqualTo("Origin");
        this.web.delete().uri("/api/content/v1/pages/1").header("X-Client-Ip", "10.1.6.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer the-right-one")
                .header("Sec-Fetch-Site", "cross-site").exchange().expectStatus().isForbidden();
        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.6.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer the-right-one")
                .header(HttpHeaders.ORIGIN, "null").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isForbidden();
        assertThat(content.received()).hasSize((int) reached);

        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.6.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer the-right-one")
                .header(HttpHeaders.ORIGIN, "https://editor.example").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.1.6.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer the-right-one")
                .header(HttpHeaders.ORIGIN, "http://localhost:" + this.port).header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        // Reads from anywhere are fine.
        this.web.get().uri("/api/content/v1/pages").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header("X-Client-Ip", "10.1.6.1").exchange().expectStatus().isOk();
    }

    private StatusAssertions write(String client, String path) {
        return write(client, path, "Bearer some-token");
    }

    private StatusAssertions write(String client, String path, String authorization) {
        return this.web.post().uri(path).header("X-Client-Ip", client).header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus();
    }
}
