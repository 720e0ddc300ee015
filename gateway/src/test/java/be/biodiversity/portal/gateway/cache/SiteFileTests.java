package be.biodiversity.portal.gateway.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The imported site's files ({@code /assets/…}, {@code /favicon.ico}, a PDF) go to content-service's
 * {@code /api/content/v1/assets/{path}}, never to a page of render-service; its 304s pass through, its answers are
 * kept like pages (also on the fast path), sandboxed, and a missing file is content-service's small 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(ManualTicker.Config.class)
class SiteFileTests {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3 };
    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";

    static final List<String> files = new CopyOnWriteArrayList<>();
    static final DisposableServer content = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
        files.add(request.uri());
        if (!request.uri().startsWith("/api/content/v1/assets/assets/images/")) {
            return response.status(404).header(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .sendString(Mono.just("{\"status\":404,\"detail\":\"No file\"}")).then();
        }
        response.header(HttpHeaders.ETAG, ETAG).header(HttpHeaders.CACHE_CONTROL, "max-age=600, public")
                .header("Content-Security-Policy", "default-src 'none'");
        if (ETAG.equals(request.requestHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return response.status(304).send();
        }
        return response.header(HttpHeaders.CONTENT_TYPE, "image/png").sendByteArray(Mono.just(PNG)).then();
    }).bindNow();

    static final StubService render = new StubService("render");

    @Autowired
    WebTestClient web;

    @Autowired
    PageCache cache;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", () -> "http://127.0.0.1:" + content.port());
        registry.add("portal.directory.url", render::url);
        registry.add("portal.page-cache.follow-changes", () -> "false");
    }

    @AfterAll
    static void stop() {
        render.stop();
        content.disposeNow();
    }

    @BeforeEach
    void clear() {
        this.cache.clear();
        files.clear();
        render.received().clear();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/images/logo.png", "/favicon.ico", "/docs/report.pdf", "/README.md",
            "/assets/images/caf%C3%A9.svg", "/nl/assets/images/x.jpg" })
    void siteFilesGoToContentServiceAtTheirPath(String path) {
        this.web.get().uri(URI.create("http://127.0.0.1:" + this.port + path)).exchange();
        assertThat(files).containsExactly("/api/content/v1/assets" + path);
        assertThat(render.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/portal/site.css", "/nl/community", "/robots.txt", "/sitemap.xml", "/nl/feed.xml",
            "/feed.xml", "/literature/search" })
    void pagesAndRenderServicesOwnFilesStayWithRenderService(String path) {
        this.web.get().uri(path).exchange().expectStatus().isOk();
        assertThat(files).isEmpty();
        assertThat(render.received()).extracting(StubService.Received::uri).containsExactly(path);
    }

    @Test
    void aFileIsKeptLikeAPageSandboxedAndServedFastTheSecondTime() throws Exception {
        this.web.get().uri("/assets/images/kept.png").exchange().expectStatus().isOk()
                .expectHeader().contentType("image/png").expectHeader().valueEquals(HttpHeaders.ETAG, ETAG)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=600, public")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).endsWith("; sandbox"))
                .expectBody(byte[].class).isEqualTo(PNG);
        long fast = this.cache.fastHits();
        HttpResponse<byte[]> again = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder().timeout(Duration.ofSeconds(20))
                        .uri(URI.create("http://127.0.0.1:" + this.port + "/assets/images/kept.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.body()).isEqualTo(PNG);
        assertThat(again.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).endsWith("; sandbox"));
        assertThat(this.cache.fastHits() - fast).isEqualTo(1);
        assertThat(files).hasSize(1);
        // a page is not sandboxed
        this.web.get().uri("/nl/community").exchange().expectHeader()
                .value("Content-Security-Policy", csp -> assertThat(csp).doesNotContain("sandbox"));
    }

    @Test
    void aConditionalRequestGetsContentServices304() {
        this.web.get().uri("/assets/images/cond.png").header(HttpHeaders.IF_NONE_MATCH, ETAG).exchange()
                .expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, ETAG)
                .expectBody().isEmpty();
        assertThat(files).containsExactly("/api/content/v1/assets/assets/images/cond.png");
    }

    @Test
    void aMissingFileIsASmall404AndNotTheHtmlPage() {
        this.web.get().uri("/assets/other/none.png").exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody(byte[].class).value(body -> assertThat(body.length).isLessThan(200));
        assertThat(render.received()).isEmpty();
    }
}
