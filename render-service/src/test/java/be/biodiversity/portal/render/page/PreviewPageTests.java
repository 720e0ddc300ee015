package be.biodiversity.portal.render.page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 #6: an editor's preview link renders the page as it would be published, says it is not, and is never
 * kept: not by render-service's page cache (which is on here), not by the gateway or a browser (no-store, private),
 * not by search engines.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PreviewPageTests {

    private static final String ID = "AbCdEfGhIjKlMnOpQrStUvWxYz012-_9";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/previews/" + ID, "contracts/content/page-minimal.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", content::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterAll
    static void stop() {
        content.close();
    }

    @Test
    void aPreviewIsThePageWithABannerAndIsNeverKept() {
        for (int i = 0; i < 2; i++) {
            String html = web.get().uri("/preview/" + ID).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private")
                .expectHeader().valueEquals("X-Robots-Tag", "noindex, nofollow")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().doesNotExist("X-Portal-Private")
                .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).contains("Over ons", "Een pagina zonder extra", "class=\"notice preview-notice\"",
                    "<meta name=\"robots\" content=\"noindex\">");
        }
        assertThat(content.requests()).filteredOn(r -> r.startsWith("/api/content/v1/previews/")).hasSize(2);
    }

    @Test
    void anUnknownPreviewIsA404AndAMalformedIdIsNoPreview() {
        web.get().uri("/preview/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ").exchange().expectStatus().isNotFound()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private");
        web.get().uri("/preview/short").exchange().expectStatus().isNotFound();
        assertThat(content.requests()).noneMatch(r -> r.contains("/previews/short"));
    }
}
