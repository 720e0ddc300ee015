package be.biodiversity.portal.gateway.cache;

import be.biodiversity.portal.gateway.StubService;
import be.biodiversity.portal.gateway.StubService.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * Visitors keep getting the pages they could read before while render-service cannot answer. (That a copy older
 * than stale-if-error is not served is shown by {@link PageCacheBoundsTests}, without waiting for it.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.page-cache.max-age=300ms", "portal.page-cache.refresh-after=150ms",
        "portal.page-cache.stale-if-error=1m",
        // The breaker must not open during these tests: each one would then see the fallback for other reasons.
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000" })
@AutoConfigureWebTestClient
class StaleIfErrorTests {

    static final StubService render = new StubService("render");

    static final StubService content = new StubService("content");

    @Autowired
    WebTestClient web;

    @Autowired
    PageCache cache;

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
    void anExpiredCopyReplacesAnErrorAnswerOfRenderService() throws InterruptedException {
        read("/nl/stale-503");
        render.failing(Failure.STATUS_503);
        Thread.sleep(400);
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
    void anExpiredCopyReplacesTheFallbackWhenRenderServiceIsUnreachable() throws InterruptedException {
        read("/fr/stale-closed");
        render.failing(Failure.CLOSE);
        Thread.sleep(400);
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
    void aPageRenderServiceSaysIsGoneDoesNotComeBackDuringAnOutage() throws InterruptedException {
        read("/nl/removed");
        render.failing(Failure.STATUS_404);
        Thread.sleep(400);
        this.web.get().uri("/nl/removed").exchange().expectStatus().isNotFound();
        render.failing(Failure.STATUS_503);
        this.web.get().uri("/nl/removed").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void onceRenderServiceIsBackTheCopyIsRenewed() throws InterruptedException {
        read("/nl/back");
        render.failing(Failure.STATUS_503);
        Thread.sleep(400);
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

    private void read(String path) {
        this.web.get().uri(path).exchange().expectStatus().isOk();
    }

    private String securityPolicy() {
        return this.web.get().uri("/nl/policy-probe").exchange().returnResult(String.class).getResponseHeaders()
                .getFirst("Content-Security-Policy");
    }
}
