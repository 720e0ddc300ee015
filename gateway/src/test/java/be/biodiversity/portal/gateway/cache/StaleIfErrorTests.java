package be.biodiversity.portal.gateway.cache;

import java.net.URI;
import java.time.Duration;

import be.biodiversity.portal.gateway.StubService;
import be.biodiversity.portal.gateway.StubService.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
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
 * Visitors keep getting the pages they could read before while render-service cannot answer. Time is moved by a
 * {@link ManualTicker}, not waited for. (That a copy older than stale-if-error is not served is shown by
 * {@link PageCacheBoundsTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.page-cache.max-age=300ms", "portal.page-cache.refresh-after=150ms",
        "portal.page-cache.stale-if-error=1m",
        // Small budgets, so that a flood of URLs would fill them (each stub page weighs about 600 bytes).
        "portal.page-cache.max-total-size=64KB", "portal.page-cache.max-query-size=16KB",
        // The breaker must not open during these tests: each one would then see the fallback for other reasons.
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000",
        // The junk flood's uncached searches would otherwise spend the client's read budget (PageBudget).
        "portal.limits.read.requests=100000" })
@AutoConfigureWebTestClient
@Import(ManualTicker.Config.class)
class StaleIfErrorTests {

    static final StubService render = new StubService("render");

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @Autowired
    PageCache cache;

    @Autowired
    ManualTicker ticker;

    @LocalServerPort
    void port(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", content::url);
    }

    @AfterEach
    void recover() {
        render.failing(Failure.NONE);
        this.cache.clear();
    }

    @AfterAll
    static void stop() {
        render.stop();
        content.stop();
    }

    @Test
    void anExpiredCopyReplacesAnErrorAnswerOfRenderService() {
        read("/nl/stale-503");
        render.failing(Failure.STATUS_503);
        this.ticker.advance(Duration.ofMillis(400));
        long asked = render.count("/nl/stale-503");
        this.web.get().uri("/nl/stale-503").exchange().expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", securityPolicy())
                .expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER)
                .expectBody(String.class).isEqualTo("render /nl/stale-503");
        assertThat(render.count("/nl/stale-503")).as("render-service is still asked first").isGreaterThan(asked);
        // A page nobody read before has no copy: the error stays an error.
        this.web.get().uri("/nl/never-read").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void anExpiredCopyReplacesTheFallbackWhenRenderServiceIsUnreachable() {
        read("/fr/stale-closed");
        render.failing(Failure.CLOSE);
        this.ticker.advance(Duration.ofMillis(400));
        this.web.get().uri("/fr/stale-closed").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render /fr/stale-closed");
        this.web.get().uri("/fr/never-read").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType("text/html;charset=UTF-8");
    }

    @Test
    void aPageRenderedOnlyInPartIsNeverServedFromTheCacheButStandsInForAnError() {
        read("/nl/publisher/partial");
        read("/nl/publisher/partial");
        assertThat(render.count("/nl/publisher/partial")).as("max-age=0: asked every time").isEqualTo(2);
        render.failing(Failure.CLOSE);
        this.web.get().uri("/nl/publisher/partial").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render /nl/publisher/partial");
    }

    @Test
    void aCopyOlderThanStaleIfErrorDoesNotStandIn() {
        read("/nl/too-old");
        render.failing(Failure.CLOSE);
        this.ticker.advance(Duration.ofMinutes(2));
        this.web.get().uri("/nl/too-old").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void whatRenderServiceMarksNoStoreOrServesStaleItselfNeverStandsIn() {
        read("/nl/no-store");
        read("/nl/aged");
        render.failing(Failure.STATUS_503);
        this.ticker.advance(Duration.ofMillis(400));
        this.web.get().uri("/nl/no-store").exchange().expectStatus().isEqualTo(503);
        this.web.get().uri("/nl/aged").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void afterAFloodOfJunkUrlsPagesVisitedLaterAreStillCachedAndServedStale() {
        for (int i = 0; i < 200; i++) {
            this.web.get().uri(URI.create(this.base + "/nl/%63ommunity-" + i)).exchange().expectStatus().isEqualTo(301);
            this.web.get().uri(URI.create(this.base + "/nl/community%0B" + i)).exchange().expectStatus().isBadRequest();
            for (int twice = 0; twice < 2; twice++) {
                this.web.get().uri("/nl/search?q=junk-" + i).exchange().expectStatus().isOk();
            }
        }
        read("/nl/after-flood");
        long asked = render.count("/nl/after-flood");
        read("/nl/after-flood");
        assertThat(render.count("/nl/after-flood")).as("cached").isEqualTo(asked);
        render.failing(Failure.CLOSE);
        this.ticker.advance(Duration.ofMillis(400));
        this.web.get().uri("/nl/after-flood").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render /nl/after-flood");
    }

    @Test
    void aPageRenderServiceSaysIsGoneDoesNotComeBackDuringAnOutage() {
        read("/nl/removed");
        render.failing(Failure.STATUS_404);
        this.ticker.advance(Duration.ofMillis(400));
        this.web.get().uri("/nl/removed").exchange().expectStatus().isNotFound();
        render.failing(Failure.STATUS_503);
        this.web.get().uri("/nl/removed").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void onceRenderServiceIsBackTheCopyIsRenewed() {
        read("/nl/back");
        render.failing(Failure.STATUS_503);
        this.ticker.advance(Duration.ofMillis(400));
        read("/nl/back");
        render.failing(Failure.NONE);
        render.version(" v2");
        try {
            this.web.get().uri("/nl/back").exchange().expectStatus().isOk()
                    .expectBody(String.class).isEqualTo("render /nl/back v2");
        }
        finally {
            render.version("");
        }
    }

    /**
     * Reads a page and waits until the cache has finished its fetch: the visitor can have the last byte a moment
     * before the fetch is closed, and a request in that moment joins the fetch instead of testing the kept copy.
     */
    private void read(String path) {
        this.web.get().uri(path).exchange().expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.cache.fetchOf(path) == null);
    }

    private String securityPolicy() {
        return this.web.get().uri("/nl/policy-probe").exchange().returnResult(String.class).getResponseHeaders()
                .getFirst("Content-Security-Policy");
    }
}
