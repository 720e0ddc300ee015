package be.biodiversity.portal.gateway.routing;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An import (an upload of up to 50 MB, or a synchronous import) takes longer than the answer timeout and time limit
 * of the other API calls: its route gives it room, so the gateway does not answer 503/504 while the import goes on.
 * Here the other calls' limits are shrunk (400 ms, 1 s) and content-service answers both after 1.5 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=400ms",
        "resilience4j.timelimiter.configs.default.timeout-duration=1s" })
@AutoConfigureWebTestClient(timeout = "20s")
class ImportRouteTests {

    /** content-service, slow on every path (the delay is the stub's, the test does not wait on a clock). */
    static final DisposableServer content = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> request.receive().then()
                    .then(Mono.delay(Duration.ofMillis(1500)))
                    .then(response.status(200).header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"state\":\"running\"}")).then()))
            .bindNow();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", () -> "http://127.0.0.1:" + content.port());
    }

    @AfterAll
    static void stop() {
        content.disposeNow();
    }

    @Test
    void anImportIsNotCutOffByTheApiTimeouts() {
        web.post().uri("/api/content/v1/imports?name=site.zip").header(HttpHeaders.AUTHORIZATION, "Bearer editor")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(new byte[] { 'P', 'K' })
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("{\"state\":\"running\"}");
    }

    @Test
    void anotherApiCallAsSlowIsCutOff() {
        web.get().uri("/api/content/v1/imports/0123456789abcdef01234567").header(HttpHeaders.AUTHORIZATION, "Bearer editor")
                .exchange().expectStatus().is5xxServerError();
    }
}
