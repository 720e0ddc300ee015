package be.biodiversity.portal.render.image;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's images — the hero the template writes and an image of the markdown body — leave render-service with
 * fingerprinted URLs, {@code srcset} and their sizes, from content-service's list of the site's files; with the
 * page cache on, also when the page comes from the cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ResponsiveImagesPageTests {

    static final String PAGE = """
            {"lang": "nl", "permalink": "/nl/foto", "title": "Foto's", "heroImage": "/assets/images/RR01.jpg",
             "body": "![Rots](/assets/images/rots.png)\\n",
             "html": "<p><img src=\\"/assets/images/rots.png\\" alt=\\"Rots\\"></p>", "version": 1}
            """;

    static final String FILES = """
            {"count": 2, "results": [
              {"path": "assets/images/RR01.jpg", "contentType": "image/jpeg", "size": 3500833,
               "fingerprint": "0123456789abcdef", "width": 4000, "height": 3000, "webp": true},
              {"path": "assets/images/rots.png", "contentType": "image/png", "size": 400000,
               "fingerprint": "fedcba9876543210", "width": 1200, "height": 800}]}
            """;

    static final ProviderStub content = ProviderStub.start()
        .respond("/api/content/v1/pages?lang=nl&path=/nl/foto", 200, "application/json", PAGE)
        .respond("/api/content/v1/assets", 200, "application/json", FILES);

    static final ProviderStub directory = ProviderStub.start();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterAll
    static void stop() {
        content.close();
        directory.close();
    }

    @Test
    void theHeroAndTheBodysImagesAreResponsiveAlsoFromThePageCache() {
        for (int i = 0; i < 2; i++) {
            EntityExchangeResult<String> page = web.get().uri("/nl/foto").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
            String html = page.getResponseBody();
            assertThat(html).contains("<picture><source type=\"image/webp\" srcset=\"/assets/images/RR01.jpg"
                    + "?v=0123456789abcdef&amp;w=480&amp;format=webp 480w, ")
                .contains("src=\"/assets/images/RR01.jpg?v=0123456789abcdef\"")
                .contains("/assets/images/RR01.jpg?v=0123456789abcdef&amp;w=480 480w")
                .contains("width=\"4000\" height=\"3000\" fetchpriority=\"high\"")
                .contains("<img src=\"/assets/images/rots.png?v=fedcba9876543210\" alt=\"Rots\" "
                        + "srcset=\"/assets/images/rots.png?v=fedcba9876543210&amp;w=480 480w, "
                        + "/assets/images/rots.png?v=fedcba9876543210&amp;w=960 960w, "
                        + "/assets/images/rots.png?v=fedcba9876543210 1200w\" sizes=\"100vw\" width=\"1200\" "
                        + "height=\"800\" loading=\"lazy\" decoding=\"async\">");
            assertThat(page.getResponseHeaders().getContentLength())
                .isEqualTo(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        assertThat(content.requests()).filteredOn(r -> r.contains("/api/content/v1/assets")).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void thePageCacheKeepsThePageAsItLeavesSoItsEtagNamesTheFingerprints() {
        for (int i = 0; i < 2; i++) {
            EntityExchangeResult<byte[]> page = web.get().uri("/nl/foto").exchange().expectStatus().isOk()
                .expectBody().returnResult();
            assertThat(new String(page.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("?v=fedcba9876543210");
            assertThat(page.getResponseHeaders().getETag()).as("kept rewritten: not rewritten again on each hit")
                .isEqualTo("\"" + org.springframework.util.DigestUtils.md5DigestAsHex(page.getResponseBody()) + "\"");
        }
    }
}
