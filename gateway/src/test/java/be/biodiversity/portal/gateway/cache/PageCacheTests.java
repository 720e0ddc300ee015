package be.biodiversity.portal.gateway.cache;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import be.biodiversity.portal.gateway.StubService;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

// Time is moved by a ManualTicker: a copy stays fresh until a test says that time has passed.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "portal.page-cache.max-age=1s", "portal.page-cache.refresh-after=500ms" })
@AutoConfigureWebTestClient
@Import(ManualTicker.Config.class)
class PageCacheTests {

    static final StubService render = new StubService("render");

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @Autowired
    PageCache cache;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ManualTicker ticker;

    @LocalServerPort
    int port;

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

    @BeforeEach
    void clear() {
        this.cache.clear();
        render.received().clear();
        content.received().clear();
        render.version("");
    }

    @Test
    void aPageIsFetchedOnceAndThenServedFromTheCache() {
        for (int i = 0; i < 20; i++) {
            this.web.get().uri("/nl/community").exchange().expectStatus().isOk()
                    .expectHeader().contentType("text/html;charset=UTF-8")
                    .expectBody(String.class).isEqualTo("render /nl/community");
        }
        assertThat(render.count("/nl/community")).isEqualTo(1);
    }

    /** Issue 12 #7: no size cliff between render-service and the visitor (a 276 KB page was a 503 once). */
    @Test
    void aLongPageOf300KilobytesIsServedWholeAndCached() {
        for (int i = 0; i < 2; i++) {
            String page = this.web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                    .get().uri("/nl/large-300kb").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).hasSizeGreaterThan(290_000).endsWith("<p>END</p>");
        }
        assertThat(render.count("/nl/large-300kb")).isEqualTo(1);
    }

    @Test
    void aPageOverTheCachesPageLimitIsPassedThroughWhole() {
        for (int i = 0; i < 2; i++) {
            String page = this.web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                    .get().uri("/nl/large-3mb").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).hasSizeGreaterThan(2_900_000).endsWith("<p>END</p>");
        }
        assertThat(render.count("/nl/large-3mb")).isEqualTo(2);
    }

    @Test
    void cacheHitsTakeTheNettyFastPath() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long fast = this.cache.fastHits();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(
                    URI.create("http://127.0.0.1:" + this.port + "/nl/fast")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("render /nl/fast");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        }
        assertThat(render.count("/nl/fast")).isEqualTo(1);
        // Answered by CachedPageHandler, right behind the HTTP decoder, not by the WebFlux filter.
        assertThat(this.cache.fastHits() - fast).isEqualTo(4);
    }

    @Test
    void hitsAndMissesAreCountedForPrometheus() throws Exception {
        double hits = count("hit");
        double misses = count("miss");
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            // A plain client: its requests take the Netty fast path once the page is cached.
            HttpResponse<String> page = client.send(HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(
                    URI.create("http://127.0.0.1:" + this.port + "/nl/counted")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
        assertThat(render.count("/nl/counted")).isEqualTo(1);
        assertThat(count("miss") - misses).isEqualTo(1);
        assertThat(count("hit") - hits).isEqualTo(4);
        assertThat(this.meters.get("portal.gateway.cache.entries").gauge().value()).isPositive();
    }

    private double count(String result) {
        return this.meters.get("portal.gateway.cache.requests").tag("result", result).counter().count();
    }

    @Test
    void visitorsArrivingTogetherShareOneFetch() {
        Flux.range(0, 16).flatMap(i -> this.web.get().uri("/nl/slow").exchange().returnResult(String.class)
                .getResponseBody().single(), 16).collectList().block(Duration.ofSeconds(10))
                .forEach(body -> assertThat(body).isEqualTo("render /nl/slow"));
        // 16 at once would be 16 fetches without sharing.
        assertThat(render.count("/nl/slow")).isEqualTo(1);
    }

    @Test
    void anEditIsVisibleOnceTheCopyIsOlderThanMaxAge() {
        this.web.get().uri("/fr/community").exchange().expectBody(String.class).isEqualTo("render /fr/community");
        render.version(" v2");
        this.web.get().uri("/fr/community").exchange().expectBody(String.class).isEqualTo("render /fr/community");

        this.ticker.advance(Duration.ofMillis(1050));

        this.web.get().uri("/fr/community").exchange().expectBody(String.class).isEqualTo("render /fr/community v2");
    }

    @Test
    void textIsGzippedForVisitorsWhoAcceptIt() throws Exception {
        // java.net.http shows the bytes as sent (WebTestClient's connector would decompress them).
        HttpClient http = HttpClient.newHttpClient();
        URI big = URI.create("http://127.0.0.1:" + this.port + "/nl/big");
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(big).header("Accept-Encoding", "gzip, deflate")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(big).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder().timeout(java.time.Duration.ofSeconds(20)).uri(big).header("Accept-Encoding", "gzip;q=0")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.body().length).isLessThan(plain.body().length() / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body())
                    .startsWith("<p>biodiversity");
        }
        assertThat(refused.body()).isEqualTo(plain.body());
    }

    @Test
    void aMatchingValidatorGets304() {
        this.web.get().uri("/community").exchange().expectStatus().isOk();
        String etag = this.web.get().uri("/community").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        this.web.get().uri("/community").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified().expectBody().isEmpty();
        this.web.get().uri("/community").header(HttpHeaders.IF_NONE_MATCH, "\"other\"").exchange()
                .expectStatus().isOk();
    }

    @Test
    void headIsAnsweredFromTheCacheWithoutBody() {
        this.web.get().uri("/nl/over").exchange().expectStatus().isOk();
        this.web.head().uri("/nl/over").exchange().expectStatus().isOk()
                .expectHeader().contentLength("render /nl/over".length()).expectBody().isEmpty();
        assertThat(render.count("/nl/over")).isEqualTo(1);
    }

    @Test
    void whatMayNotBeSharedIsFetchedEveryTime() {
        for (int i = 0; i < 3; i++) {
            this.web.get().uri("/xx/missing").exchange().expectStatus().isNotFound();
            this.web.get().uri("/nl/cookie").exchange().expectStatus().isOk();
            this.web.get().uri("/nl/private").header(HttpHeaders.AUTHORIZATION, "Bearer x").exchange().expectStatus().isOk();
            this.web.get().uri("/api/content/v1/pages").exchange().expectStatus().isOk();
        }
        assertThat(render.count("/xx/missing")).isEqualTo(3);
        assertThat(render.count("/nl/cookie")).isEqualTo(3);
        assertThat(render.count("/nl/private")).isEqualTo(3);
        assertThat(content.count("/api/content/v1/pages")).isEqualTo(3);
    }

    @Test
    void aCachedAnswerCarriesTheSecurityHeadersAndNoBanners() {
        HttpHeaders fetched = this.web.get().uri("/nl/headers").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders();
        HttpHeaders cached = this.web.get().uri("/nl/headers").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Server")
                .expectHeader().doesNotExist("X-Internal-Node")
                .returnResult(String.class).getResponseHeaders();
        assertThat(render.count("/nl/headers")).isEqualTo(1);
        for (String name : new String[] { "Content-Security-Policy", "Strict-Transport-Security",
                "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy",
                HttpHeaders.CONTENT_TYPE }) {
            assertThat(cached.get(name)).as(name).isNotEmpty().isEqualTo(fetched.get(name));
        }
    }

    @Test
    void theQueryStringIsPartOfTheKey() {
        this.web.get().uri("/nl/search?q=a").exchange().expectBody(String.class).isEqualTo("render /nl/search?q=a");
        this.web.get().uri("/nl/search?q=b").exchange().expectBody(String.class).isEqualTo("render /nl/search?q=b");
    }

    @Test
    void gzipIsRefusedOnlyWithQZero() {
        assertThat(Negotiation.acceptsGzip("gzip")).isTrue();
        assertThat(Negotiation.acceptsGzip("br, gzip;q=0.5")).isTrue();
        assertThat(Negotiation.acceptsGzip("*")).isTrue();
        assertThat(Negotiation.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Negotiation.acceptsGzip("gzip; q=0.0")).isFalse();
        assertThat(Negotiation.acceptsGzip("br")).isFalse();
        assertThat(Negotiation.acceptsGzip(null)).isFalse();
    }
}
