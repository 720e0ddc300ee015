package be.biodiversity.portal.gateway.routing;

import java.util.Map;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.page-cache.enabled=false")
@AutoConfigureWebTestClient
class EdgeHeadersTests {

    static final StubService render = new StubService("render");

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

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
        render.received().clear();
        content.received().clear();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/nl/community", "/api/content/v1/pages", "/actuator/env", "/nl/community/",
            "/xx/missing", "/actuator/health" })
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        this.web.get().uri(path).exchange()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; "
                        + "object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-src https://youtube.com https://*.youtube.com https://youtube-nocookie.com "
                        + "https://*.youtube-nocookie.com https://vimeo.com https://*.vimeo.com https://gbif.org "
                        + "https://*.gbif.org https://openstreetmap.org https://*.openstreetmap.org "
                        + "https://google.com/maps/ https://*.google.com/maps/; frame-ancestors 'none'")
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void aServiceMayAskForNoReferrerButNeverForALooserPolicy() {
        // an editor's preview link is a secret: the page it shows must not send it on to the sites it links to
        this.web.get().uri("/nl/preview/no-referrer").exchange().expectStatus().isOk()
                .expectHeader().values("Referrer-Policy", values -> assertThat(values).containsExactly("no-referrer"));
        this.web.get().uri("/nl/preview/unsafe-referrer").exchange().expectStatus().isOk()
                .expectHeader().values("Referrer-Policy",
                        values -> assertThat(values).containsExactly("strict-origin-when-cross-origin"));
    }

    @Test
    void theServicesBannersAndInternalHeadersDoNotReachVisitors() {
        this.web.get().uri("/nl/community").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Server")
                .expectHeader().doesNotExist("X-Powered-By")
                .expectHeader().doesNotExist("X-Internal-Node")
                .expectHeader().values("Content-Security-Policy", values -> assertThat(values).hasSize(1)
                        .first().asString().doesNotContain("default-src *"));
    }

    @Test
    void theServicesGetForwardingHeadersFromTheGatewayNotFromTheClient() {
        this.web.get().uri("/api/content/v1/pages")
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6").header("X-Internal-User", "admin").header("X-Portal-Role", "editor")
                .header("Connection", "X-Hop").header("X-Hop", "secret").header("Keep-Alive", "timeout=5")
                .exchange().expectStatus().isOk();

        Map<String, String> seen = content.received().get(0).headers();
        assertThat(seen).containsEntry("x-forwarded-for", "127.0.0.1").containsEntry("x-forwarded-proto", "http")
                .containsKey("x-forwarded-port").doesNotContainKeys("forwarded", "x-internal-user", "x-portal-role",
                        "x-hop", "keep-alive");
        assertThat(seen.get("x-forwarded-host")).startsWith("localhost:");
    }

    @Test
    void theTraceContinuesToTheServices() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        this.web.get().uri("/nl/community").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();
        this.web.get().uri("/nl/other").header("traceparent", "garbage").exchange().expectStatus().isOk();

        String continued = render.received().get(0).headers().get("traceparent");
        assertThat(continued).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
        String started = render.received().get(1).headers().get("traceparent");
        assertThat(started).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(traceId);
    }

    @ParameterizedTest
    @CsvSource({ "/nl/community/, /nl/community", "/nl/, /nl", "/community//, /community",
            "/fr/community/?q=a&b=c, /fr/community?q=a&b=c" })
    void aPagePathHasOneCanonicalForm(String requested, String canonical) {
        this.web.get().uri(requested).exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().valueEquals(HttpHeaders.LOCATION, canonical);
        assertThat(render.received()).isEmpty();
    }

    @Test
    void theCanonicalFormIsServedAndApiPathsAreLeftAlone() {
        this.web.get().uri("/").exchange().expectStatus().isOk();
        this.web.get().uri("/nl/community").exchange().expectStatus().isOk();
        this.web.get().uri("/api/content/v1/pages/").exchange().expectStatus().isOk();
        assertThat(content.received()).extracting(StubService.Received::uri).containsExactly("/api/content/v1/pages/");
    }

    @Test
    void canonicalPaths() {
        assertThat(PagePath.of("/").canonical()).isEqualTo("/");
        assertThat(PagePath.of("//").canonical()).isEqualTo("/");
        assertThat(PagePath.of("/a/b").canonical()).isEqualTo("/a/b");
        assertThat(PagePath.of("/a//b///").canonical()).isEqualTo("/a/b");
    }
}
