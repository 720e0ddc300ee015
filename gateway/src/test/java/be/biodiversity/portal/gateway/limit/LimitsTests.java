package be.biodiversity.portal.gateway.limit;

import java.nio.charset.StandardCharsets;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test uses its own client address (X-Client-Ip, trusted here) so that budgets do not leak between tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.limits.read.requests=5", "portal.limits.read.period=60s",
        "portal.limits.write.requests=2", "portal.limits.write.period=60s",
        "portal.limits.max-request-body=1KB", "portal.limits.max-import-body=4KB",
        "portal.limits.client-ip-header=X-Client-Ip", "portal.limits.max-concurrent-imports=1",
        "portal.page-cache.max-age=10m", "portal.page-cache.refresh-after=5m" })
@AutoConfigureWebTestClient
class LimitsTests {

    static final String AUTH = HttpHeaders.AUTHORIZATION;

    static final String TOKEN = "Bearer editor";

    static final StubService content = new StubService("content");

    static final StubService render = new StubService("render");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", content::url);
        registry.add("portal.render.url", render::url);
    }

    @AfterAll
    static void stop() {
        content.stop();
        render.stop();
    }

    @BeforeEach
    void clear() {
        content.received().clear();
        render.received().clear();
    }

    @Test
    void readsBeyondTheBudgetGet429WithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            this.web.get().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.0.1").exchange()
                    .expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(4 - i));
        }
        this.web.get().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.0.1").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("5 reads per 60 s"));
        assertThat(content.received()).hasSize(5);

        this.web.get().uri("/api/directory/v1/organisations").header("X-Client-Ip", "10.0.0.2").exchange()
                .expectStatus().isOk();
    }

    @Test
    void writesHaveTheirOwnStricterBudget() {
        for (int i = 0; i < 2; i++) {
            this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.1.1").header(AUTH, TOKEN)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        }
        this.web.delete().uri("/api/directory/v1/organisations/x").header("X-Client-Ip", "10.0.1.1").header(AUTH, TOKEN)
                .exchange()
                .expectStatus().isEqualTo(429);
        this.web.get().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.1.1").exchange()
                .expectStatus().isOk();
        assertThat(content.received()).extracting(StubService.Received::method).containsExactly("POST", "POST", "GET");
    }

    @Test
    void pagesAreNotRateLimited() {
        for (int i = 0; i < 8; i++) {
            this.web.get().uri("/nl/page-" + i).header("X-Client-Ip", "10.0.2.1").exchange().expectStatus().isOk();
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitGets413AndNeverReachesTheService() {
        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.3.1").header(AUTH, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(1025)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("body").jsonPath("$.status").isEqualTo(413);
        assertThat(content.received()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitGets413AndNeverReachesTheService() {
        Flux<DataBuffer> chunks = Flux.range(0, 6).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("y".repeat(200).getBytes(StandardCharsets.UTF_8)));
        this.web.put().uri("/api/directory/v1/organisations/x").header("X-Client-Ip", "10.0.3.2").header(AUTH, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.field").isEqualTo("body");
        assertThat(content.received()).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitArrivesWhole() {
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(("part" + i + ";").getBytes(StandardCharsets.UTF_8)));
        this.web.put().uri("/api/directory/v1/organisations/x").header("X-Client-Ip", "10.0.3.3").header(AUTH, TOKEN)
                .contentType(MediaType.TEXT_PLAIN).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isOk();
        assertThat(content.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("part0;part1;part2;part3;");
            // Streamed through as it came, never gathered at the gateway.
            assertThat(r.headers()).containsEntry("transfer-encoding", "chunked").doesNotContainKey("content-length");
        });
    }

    @Test
    void importsMayBeLarger() {
        this.web.post().uri("/api/content/v1/literature/imports").header("X-Client-Ip", "10.0.4.1").header(AUTH, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("z".repeat(3000)).exchange()
                .expectStatus().isOk();
        this.web.post().uri("/api/content/v1/literature/imports").header("X-Client-Ip", "10.0.4.1").header(AUTH, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("z".repeat(5000)).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(content.received()).hasSize(1);
    }

    @Test
    void aChunkedUploadPastTheLimitIsCutOffWith413AndDoesNotOpenTheCircuit() {
        for (int i = 0; i < 12; i++) {
            Flux<DataBuffer> chunks = Flux.range(0, 30).map(n -> DefaultDataBufferFactory.sharedInstance
                    .wrap("w".repeat(200).getBytes(StandardCharsets.UTF_8)));
            this.web.post().uri("/api/content/v1/literature/imports").header("X-Client-Ip", "10.0.5." + i)
                    .header(AUTH, TOKEN).contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                    .exchange().expectStatus().isEqualTo(413)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("body");
        }
        // The token was checked once (OPTIONS, no body: CredentialCheckFilter); no upload reached the service.
        assertThat(content.received()).extracting(StubService.Received::method).containsExactly("OPTIONS");
        this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.5.99").header(AUTH, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
    }

    @Test
    void anUploadWithoutCredentialsIsRefusedBeforeItsBodyIsRead() {
        Flux<DataBuffer> chunks = Flux.range(0, 10).map(n -> DefaultDataBufferFactory.sharedInstance
                .wrap("u".repeat(300).getBytes(StandardCharsets.UTF_8)));
        this.web.post().uri("/api/content/v1/imports").header("X-Client-Ip", "10.0.6.1")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(content.received()).isEmpty();
    }

    @Test
    void importsInFlightAreCapped() {
        // WebTestClient's exchange() waits for the answer; this one never comes, so ask from another thread.
        var pending = reactor.core.publisher.Mono.fromRunnable(() -> this.web.mutate()
                .responseTimeout(java.time.Duration.ofSeconds(30)).build().post().uri("/api/content/v1/imports/hang")
                .header("X-Client-Ip", "10.0.7.1").header(AUTH, TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange())
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).subscribe();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> content.received().stream().anyMatch(r -> r.uri().endsWith("/imports/hang")));
            this.web.post().uri("/api/directory/v1/imports").header("X-Client-Ip", "10.0.7.2").header(AUTH, TOKEN)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("imports"));
            this.web.post().uri("/api/content/v1/pages").header("X-Client-Ip", "10.0.7.2").header(AUTH, TOKEN)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        }
        finally {
            pending.dispose();
        }
        // Once the first has ended (its client went away), imports are accepted again.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                this.web.post().uri("/api/content/v1/literature/imports").header("X-Client-Ip", "10.0.7.3")
                        .header(AUTH, TOKEN).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                        .expectStatus().isOk());
    }

    @Test
    void uncachedSearchPagesSpendTheReadBudgetCachedPagesDoNot() {
        // A URL with a query string is kept by the page cache on its second request; from then on it is free.
        for (int i = 0; i < 5; i++) {
            this.web.get().uri("/publisher/search?q=popular").header("X-Client-Ip", "10.0.8.1").exchange()
                    .expectStatus().isOk();
        }
        for (int i = 0; i < 3; i++) {
            this.web.get().uri("/publisher/search?q=" + i).header("X-Client-Ip", "10.0.8.1").exchange()
                    .expectStatus().isOk();
        }
        this.web.get().uri("/literature/search?q=new").header("X-Client-Ip", "10.0.8.1").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*");
        this.web.get().uri("/nl/search").header("X-Client-Ip", "10.0.8.1").exchange().expectStatus().isEqualTo(429);
        this.web.get().uri("/api/directory/v1/organisations").header("X-Client-Ip", "10.0.8.1").exchange()
                .expectStatus().isEqualTo(429);
        assertThat(render.received()).as("2 fetches of the popular search, 3 other searches").hasSize(5);

        this.web.get().uri("/publisher/search?q=popular").header("X-Client-Ip", "10.0.8.1").exchange()
                .expectStatus().isOk();
        this.web.get().uri("/nl/community").header("X-Client-Ip", "10.0.8.1").exchange().expectStatus().isOk();
        assertThat(render.received()).extracting(StubService.Received::uri).hasSize(6).last()
                .isEqualTo("/nl/community");
    }
}
