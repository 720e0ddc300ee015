package be.biodiversity.portal.render.site;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another site than GBIF.be (shaped as hp-template: English and Danish, its own title, url and contact): its
 * languages, identity and base URL come from content-service, none of GBIF.be's shows, and every page carries the
 * metadata a public site needs (issue 12 items 4-5, issue 13 item 4).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class SiteFromContentTests {

    private static final String DIR = "contracts/content/template/";

    private static final String PAGES = "/api/content/v1/pages";

    static final ProviderStub content = ProviderStub.start()
        .json(ProviderStub.SITE, DIR + "site.json")
        .json(PAGES + "?lang=en&path=/", DIR + "page-en-home.json")
        .json(PAGES + "?lang=da&path=/da/post/2021/for-forfattere", DIR + "page-da-post.json")
        .json(PAGES + "?lang=en&path=/drafts-of-ideas", DIR + "page-en-hidden.json")
        .json(PAGES + "/translations?key=for-authors", DIR + "translations-for-authors.json")
        .json(PAGES + "?limit=1000&offset=0", DIR + "pages-all.json")
        .json("/api/content/v1/posts?lang=da&limit=20&offset=0", DIR + "posts-da.json");

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

    private String get(String path, HttpStatus status) {
        return web.get().uri(path).exchange().expectStatus().isEqualTo(status).expectBody(String.class)
            .returnResult().getResponseBody();
    }

    @Test
    void aDanishPostIsServedInDanishWithTheSitesLanguagesInTheSwitch() {
        String html = get("/da/post/2021/for-forfattere", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"da\">", "Gå til hovedindholdet", "<h1>For forfattere</h1>",
                ">Dansk<", ">English<", "href=\"/post/2021/for-authors\"")
            .doesNotContain("Nederlands", "Français");
    }

    @Test
    void nothingOfGbifBeShowsOnAnotherSite() {
        for (String path : new String[] { "/", "/da/post/2021/for-forfattere", "/privacy", "/da/privacy",
                "/nothing-here", "/literature/search", "/da/feed.xml" }) {
            String body = web.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).as(path).doesNotContain("GBIF.be", "Belgian Biodiversity Platform", "biodiversity.be",
                    "Belgi");
        }
        assertThat(get("/", HttpStatus.OK)).contains("<title>Home | Template_site</title>",
                "<span class=\"brand-name\">Template_site</span>");
        assertThat(get("/da/feed.xml", HttpStatus.OK)).contains("<title>Nyheder fra Template_site</title>",
                "<name>Template_site</name>");
    }

    @Test
    void thePrivacyPageNamesTheSitesOwnerAndContact() {
        assertThat(get("/da/privacy", HttpStatus.OK)).contains("<html lang=\"da\">",
                "Denne portal drives af Template_site", "mailto:info@gbif.org",
                "<link rel=\"canonical\" href=\"https://template_site.hp.gbif.org/da/privacy\">");
    }

    @Test
    void everyPageHasOpenGraphTagsAndAbsoluteLinksFromTheSitesUrl() {
        String home = get("/", HttpStatus.OK);
        assertThat(home).contains("<link rel=\"canonical\" href=\"https://template_site.hp.gbif.org/\">",
                "<meta property=\"og:title\" content=\"Home\">",
                "<meta property=\"og:description\" content=\"A hosted portal made from the template\">",
                "<meta property=\"og:image\" content=\"https://template_site.hp.gbif.org/assets/images/hero.jpg\">",
                "<meta property=\"og:url\" content=\"https://template_site.hp.gbif.org/\">",
                "<meta property=\"og:site_name\" content=\"Template_site\">",
                "<meta property=\"og:locale\" content=\"en\">",
                "<meta property=\"og:locale:alternate\" content=\"da\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">");
        String post = get("/da/post/2021/for-forfattere", HttpStatus.OK);
        assertThat(post).contains(
                "<link rel=\"alternate\" hreflang=\"en\" href=\"https://template_site.hp.gbif.org/post/2021/for-authors\">",
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://template_site.hp.gbif.org/post/2021/for-authors\">",
                "<link rel=\"alternate\" hreflang=\"da\" href=\"https://template_site.hp.gbif.org/da/post/2021/for-forfattere\">",
                "<meta property=\"og:locale\" content=\"da\">");
        assertThat(get("/da/literature/search", HttpStatus.SERVICE_UNAVAILABLE)).contains("<html lang=\"da\">");
        content.json("/api/content/v1/literature?limit=20&offset=0&q=fish%20bowl", "contracts/content/literature-search.json");
        String search = web.get().uri("/da/literature/search?q={q}", "fish bowl").exchange().expectBody(String.class)
            .returnResult().getResponseBody();
        assertThat(search).as("a search's canonical link is its search page, never the visitor's query")
            .contains("<link rel=\"canonical\" href=\"https://template_site.hp.gbif.org/da/literature/search\">",
                    "<link rel=\"alternate\" hreflang=\"en\" href=\"https://template_site.hp.gbif.org/literature/search?q=fish%20bowl\">",
                    "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://template_site.hp.gbif.org/literature/search?q=fish%20bowl\">");
    }

    @Test
    void aNoindexPageSaysSoAndStaysOutOfTheSitemap() {
        assertThat(get("/drafts-of-ideas", HttpStatus.OK)).contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(get("/", HttpStatus.OK)).doesNotContain("noindex");
        String sitemap = get("/sitemap.xml", HttpStatus.OK);
        assertThat(sitemap).contains("<loc>https://template_site.hp.gbif.org/da/post/2021/for-forfattere</loc>")
            .doesNotContain("drafts-of-ideas");
    }

    @Test
    void aNotFoundPageHasTheLanguageSwitchAndTheFooterLinksThePrivacyPage() {
        String html = get("/da/nothing-here", HttpStatus.NOT_FOUND);
        assertThat(html).contains("<html lang=\"da\">", "class=\"language-switch\"", "href=\"/da\"", ">English<",
                "<meta name=\"robots\" content=\"noindex\">", "href=\"/da/privacy\"");
        assertThat(get("/", HttpStatus.OK)).contains("href=\"/privacy\"");
    }

    @Test
    void aLanguageTheSiteDoesNotHaveIsNoPrefix() {
        // "nl" is no language of this site: /nl/... is an English path, asked for as such, and not found
        get("/nl/community", HttpStatus.NOT_FOUND);
        assertThat(content.requests()).contains(PAGES + "?lang=en&path=/nl/community")
            .doesNotContain(PAGES + "?lang=nl&path=/nl/community");
    }
}
