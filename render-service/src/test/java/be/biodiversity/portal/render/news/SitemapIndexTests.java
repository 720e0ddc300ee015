package be.biodiversity.portal.render.news;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past {@code portal.sitemap.max-urls} (here 2 instead of 50,000) the sitemap is an index of parts, each with at
 * most that many URLs, read from content-service's listing in batches.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "portal.cache.enabled=false", "portal.site-url=https://gbif.example.be",
                "portal.sitemap.max-urls=2" })
@AutoConfigureWebTestClient
class SitemapIndexTests {

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?limit=1000&offset=0", "contracts/content/pages-all.json");

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

    private String get(String uri, int status) {
        return web.get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
            .getResponseBody();
    }

    @Test
    void aSitemapOverTheLimitIsAnIndexOfParts() {
        // pages-all.json: three pages to index (its /404 is left out) → two parts of at most two
        String index = get("/sitemap.xml", 200);
        assertThat(index).contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
                "<loc>https://gbif.example.be/sitemap-1.xml</loc>", "<loc>https://gbif.example.be/sitemap-2.xml</loc>")
            .doesNotContain("sitemap-3.xml", "<urlset");

        String first = get("/sitemap-1.xml", 200);
        assertThat(first).contains("<loc>https://gbif.example.be/community</loc>",
                "<loc>https://gbif.example.be/nl/community</loc>")
            .doesNotContain("portal-opens");
        assertThat(first).as("alternates come from the whole site, not only this part")
            .contains("hreflang=\"nl\" href=\"https://gbif.example.be/nl/community\"");
        assertThat(get("/sitemap-2.xml", 200)).contains("<loc>https://gbif.example.be/nl/post/2026/portal-opens</loc>")
            .doesNotContain("<loc>https://gbif.example.be/community</loc>");
        get("/sitemap-3.xml", 404);
        get("/sitemap-0.xml", 404);
        get("/sitemap-x.xml", 404);
    }

    @Test
    void aListingThatFailsIsA503NotAShortSitemap() {
        content.failWith(500);
        try {
            get("/sitemap.xml", 503);
            get("/sitemap-1.xml", 503);
        }
        finally {
            content.healthy();
        }
    }
}
