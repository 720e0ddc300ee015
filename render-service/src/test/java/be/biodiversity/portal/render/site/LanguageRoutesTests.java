package be.biodiversity.portal.render.site;

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
 * A site page whose path ends like one of the portal's own pages ({@code /about/search}, {@code /projects/privacy})
 * is the site's page; {@code /nl/search} (a language of the site) is still the portal's search in Dutch.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LanguageRoutesTests {

    private static final String PAGES = "/api/content/v1/pages?";

    static final ProviderStub content = ProviderStub.start()
        .respond(PAGES + "lang=en&path=/about/search", 200, "application/json", page("/about/search", "How we search"))
        .respond(PAGES + "lang=en&path=/projects/privacy", 200, "application/json",
                page("/projects/privacy", "Privacy in our projects"));

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
    void aSitePageAtAPathEndingLikeAPortalPageIsTheSitesPage() {
        assertThat(body("/about/search")).contains("How we search");
        assertThat(body("/projects/privacy")).contains("Privacy in our projects");
        assertThat(content.requests()).contains(PAGES + "lang=en&path=/about/search",
                PAGES + "lang=en&path=/projects/privacy");
    }

    @Test
    void aLanguageOfTheSiteStillNamesThePortalsOwnPages() {
        String search = body("/nl/search");
        assertThat(search).contains("<html lang=\"nl\"").doesNotContain("How we search");
        assertThat(body("/search")).contains("<html lang=\"en\"");
        assertThat(content.requests()).noneMatch((r) -> r.startsWith(PAGES + "lang=nl&path=/nl/search"));
    }

    private String body(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    private static String page(String permalink, String title) {
        return """
                {"id":"6566f2a1c9e77c0001a1b2%s","lang":"en","permalink":"%s","translationKey":null,"title":"%s",
                 "description":null,"heroImage":null,"heroImageCredit":null,"body":"Text of the page.\\n",
                 "frontMatter":{},"version":1,"updatedAt":"2026-11-20T08:30:00Z"}"""
            .formatted(permalink.length() + 10, permalink, title);
    }
}
