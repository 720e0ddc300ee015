package be.biodiversity.portal.gateway.routing;

import java.net.URI;

import be.biodiversity.portal.gateway.StubService;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One spelling per page: other spellings of a page are redirected to it or refused, and never reach render-service
 * or the page cache, so that junk spellings cannot fill the cache (issue 18, finding 1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CanonicalPathFilterTests {

    static final StubService render = new StubService("render");

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", render::url);
        registry.add("portal.directory.url", render::url);
    }

    @AfterAll
    static void stop() {
        render.stop();
    }

    @BeforeEach
    void clear() {
        render.received().clear();
    }

    @ParameterizedTest
    @CsvSource({ "/%6El/community, /nl/community", "/nl/%63ommunity, /nl/community", "/./community, /community",
            "/nl/./community, /nl/community", "/nl/x/../community, /nl/community", "/../community, /community",
            "/%2e/community, /community", "/nl/%2E%2E/community, /community", "/nl/community/, /nl/community",
            "/nl//community, /nl/community", "/nl/, /nl", "//evil.example/, /evil.example",
            "/nl//evil.example//, /nl/evil.example", "/nl/caf%c3%a9, /nl/caf%C3%A9", "/nl/a;b, /nl/a%3Bb",
            "'/nl/community/?q=a&b=c', '/nl/community?q=a&b=c'", "/nl/%7Eme, /nl/~me",
            "'/nl/community/?q=%0d%0aX-Injected:%201', '/nl/community?q=%0d%0aX-Injected:%201'" })
    void anotherSpellingOfAPageIsRedirectedToItsOneSpelling(String requested, String canonical) {
        double entries = entries();
        this.web.get().uri(raw(requested)).exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().valueEquals(HttpHeaders.LOCATION, canonical)
                .expectHeader().doesNotExist("X-Injected");
        this.web.head().uri(raw(requested)).exchange().expectStatus().isEqualTo(301);
        assertThat(render.received()).isEmpty();
        assertThat(entries()).isEqualTo(entries);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/community%20", "/community%0B", "/nl/%0d%0aSet-Cookie:%20hostile=1/", "/community%00",
            "/community%09", "/%09/evil.example/", "/nl/a%C2%A0b", "/nl/a%E2%80%A8b", "/nl/a%2Fb", "/nl/a%2fb",
            "/%2F%2Fevil.example/", "/%5Cevil.example/", "/nl/%C3%28", "/nl/%FF%FE", "/nl/%ED%A0%80", "/%C0%AE%C0%AE/x",
            "/nl/%E2%82", "/nl/%C2%85" })
    void aPathThatCannotNameAPageIsRefusedBeforeTheCacheAndRenderService(String requested) {
        double entries = entries();
        this.web.get().uri(raw(requested)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectBody().jsonPath("$.field").isEqualTo("path");
        assertThat(render.received()).isEmpty();
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void theOneSpellingIsServedAndCachedOnce() {
        for (String path : new String[] { "/nl/community", "/%6El/community", "/nl/%63ommunity", "/nl/community/" }) {
            this.web.get().uri(raw(path)).exchange();
        }
        this.web.get().uri("/nl/community").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render /nl/community");
        // Only the one spelling reached render-service (once, or again after refresh-after on a slow machine).
        assertThat(render.received()).extracting(StubService.Received::uri).isNotEmpty()
                .allMatch("/nl/community"::equals);
    }

    @Test
    void nonAsciiIsPercentEncodedOnceInUpperCase() {
        assertThat(PagePath.of("/nl/%C3%BCber").canonical()).isEqualTo("/nl/%C3%BCber");
        assertThat(PagePath.ofDecoded("/nl/über/")).isEqualTo("/nl/%C3%BCber");
        assertThat(PagePath.ofDecoded("/")).isEqualTo("/");
        assertThat(PagePath.of("/a!$&'()*+,=:@b").canonical()).isEqualTo("/a!$&'()*+,=:@b");
        assertThat(PagePath.of("/nl/%zz").refused()).isTrue();
        assertThat(PagePath.of("/nl/100%").refused()).isTrue();
        assertThat(PagePath.of("/nl/caf\u00e9").refused()).as("sent unescaped").isTrue();
    }

    @Test
    void aQueryWithCharactersOutsideAsciiIsEscapedInTheRedirect() {
        assertThat(CanonicalPathFilter.ascii("q=a b\u00ff\u560a")).isEqualTo("q=a%20b%C3%BF%E5%98%8A");
        assertThat(CanonicalPathFilter.ascii("q=a&b=%0d%0a")).isEqualTo("q=a&b=%0d%0a");
    }

    @Test
    void apiPathsAreLeftToTheServices() {
        this.web.get().uri(raw("/api/content/v1/pages/")).exchange().expectStatus().isOk();
        assertThat(render.received()).extracting(StubService.Received::uri).containsExactly("/api/content/v1/pages/");
    }

    private double entries() {
        return this.meters.get("portal.gateway.cache.entries").gauge().value();
    }

    /** Sent exactly as written (a URI object is not encoded again). */
    private URI raw(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }
}
