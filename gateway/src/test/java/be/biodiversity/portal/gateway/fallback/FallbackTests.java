package be.biodiversity.portal.gateway.fallback;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that hang, drop connections or are not there at all: render-service's paths {@code …/hang} and
 * {@code …/close}, content-service's too, and a directory-service nobody listens for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=400ms",
        "resilience4j.timelimiter.configs.default.timeout-duration=2s",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000" })
@AutoConfigureWebTestClient(timeout = "10s")
class FallbackTests {

    static final StubService render = new StubService("render");

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", () -> "http://127.0.0.1:" + StubService.deadPort());
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

    @Test
    void aVisitorOfAHangingPageGetsAFriendlyPageInItsLanguage() {
        String html = this.web.get().uri("/nl/hang").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<html lang=\"nl\"").contains("Tijdelijk niet beschikbaar")
                .contains("href=\"/nl\"").doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void aPageWhoseServiceDropsTheConnectionGetsTheFallbackInFrenchOrEnglish() {
        this.web.get().uri("/fr/close").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).value(html -> assertThat(html).contains("<html lang=\"fr\"")
                        .contains("Temporairement indisponible"));
        this.web.get().uri("/about/close").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).value(html -> assertThat(html).contains("<html lang=\"en\"")
                        .contains("Temporarily unavailable"));
    }

    /** Issue 12 item 4: no language list in the gateway; a Danish page gets Danish, and no site is named. */
    @Test
    void everyLanguageTheInterfaceIsShippedInGetsItsTextWithoutAnyLanguageSetting() {
        this.web.get().uri("/da/close").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Content-Language", "da")
                .expectBody(String.class).value(html -> assertThat(html).contains("<html lang=\"da\"")
                        .contains("href=\"/da\"").contains("Midlertidigt utilgængelig").doesNotContain("GBIF.be"));
        this.web.get().uri("/ja/close").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Content-Language", "en")
                .expectBody(String.class).value(html -> assertThat(html).contains("<html lang=\"en\"")
                        .contains("href=\"/\"").contains("Temporarily unavailable"));
        assertThat(render.received()).extracting(StubService.Received::uri).contains("/da/close", "/ja/close");
    }

    @Test
    void anApiClientOfAServiceThatIsDownGetsProblemJson() {
        this.web.get().uri("/api/directory/v1/organisations?role=MEMBER").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.instance").isEqualTo("/api/directory/v1/organisations");
    }

    @Test
    void anApiClientOfAHangingServiceGetsProblemJson() {
        this.web.get().uri("/api/content/v1/pages/hang").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("/api/content/v1/pages/hang"));
    }

    @Test
    void aClientAskingForJsonOnAPageGetsProblemJson() {
        this.web.get().uri("/nl/hang").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void getsAreRetriedWhenTheConnectionFailsWritesNever() {
        this.web.get().uri("/api/content/v1/close").exchange().expectStatus().isEqualTo(503);
        this.web.post().uri("/api/content/v1/close").header("Authorization", "Bearer editor").bodyValue("{}").exchange().expectStatus().isEqualTo(503);

        assertThat(content.received()).extracting(StubService.Received::method)
                .containsExactly("GET", "GET", "GET", "POST");
    }

    @Test
    void aServerErrorIsPassedOnNotRetried() {
        this.web.get().uri("/api/content/v1/status/500").exchange().expectStatus().isEqualTo(500);
        assertThat(content.count("/api/content/v1/status/500")).isEqualTo(1);
    }

    @Test
    void theFallbackIsNotReachableFromOutside() {
        this.web.get().uri("/_gateway/fallback/page").exchange().expectStatus().isNotFound();
        this.web.get().uri("/_gateway/fallback/api").exchange().expectStatus().isNotFound();
    }
}
