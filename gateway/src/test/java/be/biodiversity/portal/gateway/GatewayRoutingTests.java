package be.biodiversity.portal.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

    /** What each stub service received, as "service path?query". */
    static final List<String> received = new CopyOnWriteArrayList<>();

    static final DisposableServer content = stub("content");
    static final DisposableServer directory = stub("directory");
    static final DisposableServer render = stub("render");

    @Autowired
    WebTestClient web;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", () -> "http://127.0.0.1:" + content.port());
        registry.add("portal.directory.url", () -> "http://127.0.0.1:" + directory.port());
        registry.add("portal.render.url", () -> "http://127.0.0.1:" + render.port());
    }

    @AfterAll
    static void stop() {
        content.disposeNow();
        directory.disposeNow();
        render.disposeNow();
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    @Test
    void contentApiGoesToContentService() {
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/community").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("content /api/content/v1/pages?lang=nl&path=/nl/community");
    }

    @Test
    void directoryApiGoesToDirectoryService() {
        web.get().uri("/api/directory/v1/organisations?role=MEMBER").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("directory /api/directory/v1/organisations?role=MEMBER");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/community", "/nl/community", "/fr/community", "/nl", "/assets/portal/site.css" })
    void pagesGoToTheRenderService(String path) {
        web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render " + path);
    }

    @Test
    void theRenderServicesNotFoundComesThrough() {
        web.get().uri("/xx/nothing").exchange().expectStatus().isNotFound();
        assertThat(received).containsExactly("render /xx/nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/env", "/actuator/info", "/nl/actuator/health", "/api/content/actuator/health",
            "/api/directory/actuator/env", "/api/content/v1/../actuator/env", "/ACTUATOR/env", "/actuator/health",
            "/actuator/prometheus" })
    void internalEndpointsAreNotReachable(String path) {
        web.get().uri(path).exchange().expectStatus().isNotFound();
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/%61pi/directory/v1/organisations", "/api;x/content/v1/pages", "/%41PI/content/v1/pages",
            "//api/content/v1/pages", "/API/content/v1/pages", "/api%2Fcontent/v1/pages", "/./api/content/v1/pages",
            "/nl/../api/content/v1/pages", "/api/content/../../nl/community", "/api/content/v1/%2e%2e/x" })
    void anApiPathInDisguiseIsRefusedBeforeAnyCheckOrRoute(String path) {
        // Routed by its decoded segment, it would pass the limits and throttles, which read the path as sent.
        // Sent as written (a URI object is not encoded again).
        java.net.URI raw = java.net.URI.create("http://127.0.0.1:" + port + path);
        web.post().uri(raw).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("path");
        web.get().uri(raw).exchange().expectStatus().isBadRequest();
        assertThat(received).isEmpty();
    }

    private static DisposableServer stub(String name) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    String line = name + " " + request.uri();
                    received.add(line);
                    boolean missing = request.uri().startsWith("/xx/");
                    return response.status(missing ? 404 : 200)
                            .sendString(Mono.just(line), StandardCharsets.UTF_8).then();
                })
                .bindNow();
    }
}
