package be.biodiversity.portal.render.news;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/** The news archive, post pages, the Atom feed, the sitemap and robots.txt. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "portal.cache.enabled=false", "portal.site-url=https://gbif.example.be" })
@AutoConfigureWebTestClient
class NewsPagesTests {

    private static final String POSTS = "/api/content/v1/posts";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/news", "contracts/content/page-nl-news.json")
        .json("/api/content/v1/pages?lang=nl&path=/nl/post/2026/portal-opens", "contracts/content/page-nl-post.json")
        .json(POSTS + "?cards=true&lang=nl&limit=20&offset=0", "contracts/content/posts-nl-cards.json")
        .json(POSTS + "?cards=true&category=Literature&lang=nl&limit=20&offset=0", "contracts/content/posts-nl.json")
        .json(POSTS + "/categories?lang=nl", "contracts/content/post-categories-nl.json")
        .json(POSTS + "?lang=nl&limit=50&offset=0", "contracts/content/posts-nl.json")
        .json(POSTS + "?lang=nl&limit=20&offset=0", "contracts/content/posts-nl.json")
        .json("/api/content/v1/pages?limit=1000&offset=0", "contracts/content/pages-all.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", content::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterEach
    void healthy() {
        content.healthy();
    }

    @AfterAll
    static void stop() {
        content.close();
    }

    @Test
    void theArchiveListsThePostsWithTheirCategories() {
        String html = get("/nl/news", 200);
        assertThat(html).contains("<h1>Nieuws</h1>",
                "<a href=\"/nl/post/2026/literature-search\">Vind het onderzoek dat Belgische data gebruikt</a>",
                "<p class=\"post-date\">2 november 2026</p>", "<a href=\"/nl/news?category=Literature\">Literature</a>",
                "<a href=\"/nl/news\" aria-current=\"true\">Alle nieuws</a>");
    }

    /** The category links come from content-service's counts, not from listing every post of the language. */
    @Test
    void theCategoryLinksComeFromTheCategoriesNotFromEveryPost() {
        get("/nl/news", 200);
        assertThat(content.requests()).contains(POSTS + "/categories?lang=nl")
            .noneMatch(r -> r.startsWith(POSTS + "?") && r.contains("limit=1000"));
    }

    @Test
    void theArchiveCardsShowImageExcerptAndAuthorFromTheListingAlone() {
        int before = content.requests().size();
        String html = get("/nl/news", 200);
        assertThat(html).contains("<img class=\"card-image\" src=\"/assets/images/literature.jpg\"",
                "<p class=\"excerpt\">Wie gebruikt Belgische biodiversiteitsdata? De literatuurzoekfunctie toont het.</p>",
                "<p class=\"author\">Door Andre Heughebaert</p>",
                "<p class=\"excerpt\">Andere tekst.</p>");
        assertThat(html).as("the pre-title, where a post has one, stands for its date, as in the theme's archive")
            .contains("<p class=\"post-date\">20 nov</p>");
        assertThat(html).as("the first paragraph, not the description, as the theme's archive")
            .doesNotContain("Het portaal is nu een levende site.");
        assertThat(html).as("an unsafe image is left out").doesNotContain("javascript:");
        List<String> requests = List.copyOf(content.requests());
        assertThat(requests.subList(before, requests.size())).as("no post is read for its card")
            .noneMatch((request) -> request.startsWith("/api/content/v1/pages?lang=nl&path=/nl/post/"));
    }

    @Test
    void theCategoryFilterIsAppliedByContentService() {
        get("/nl/news?category=Literature", 200);
        assertThat(content.requests()).contains(POSTS + "?cards=true&category=Literature&lang=nl&limit=20&offset=0");
    }

    @Test
    void aPageBeyondWhatContentServiceServesIsAskedAsItsLast() {
        web.get().uri("/nl/news?page=9223372036854775807").exchange();
        assertThat(content.requests()).contains(POSTS + "?cards=true&lang=nl&limit=20&offset=100000");
    }

    /** Page 2 of 4 (75 posts): content-service is asked for that page only, the pager numbers every page. */
    @Test
    void theArchiveIsPagedOnTheServerWithNumberedPagesAndRelNextPrev() {
        String second = """
                {"offset": 20, "limit": 20, "count": 75, "endOfRecords": false, "results": [
                  {"lang": "nl", "permalink": "/nl/post/2020/page-two", "title": "Op pagina twee", "kind": "post",
                   "date": "2020-01-01T09:00:00Z"}]}
                """;
        content.respond(POSTS + "?cards=true&lang=nl&limit=20&offset=20", 200, "application/json", second);
        String html = get("/nl/news?page=2", 200);
        assertThat(content.requests()).contains(POSTS + "?cards=true&lang=nl&limit=20&offset=20");
        assertThat(html).contains("<a href=\"/nl/post/2020/page-two\">Op pagina twee</a>",
                "<link rel=\"prev\" href=\"/nl/news\">", "<link rel=\"next\" href=\"/nl/news?page=3\">",
                "<a href=\"/nl/news?page=2\" aria-current=\"page\" aria-label=\"Pagina 2\">2</a>",
                "<a href=\"/nl/news?page=4\" aria-label=\"Pagina 4\">4</a>");
        assertThat(html).doesNotContain("/nl/news?page=5");
    }

    @Test
    void thePagerShowsTheEndsAndTheNeighboursOfTheCurrentPage() {
        List<NewsViews.PageLink> links = NewsAssembler.pager("/news", null, 10, 30);
        assertThat(links).extracting(NewsViews.PageLink::number)
            .containsExactly(1L, null, 8L, 9L, 10L, 11L, 12L, null, 30L);
        assertThat(links.get(0).href()).isEqualTo("/news");
        assertThat(NewsAssembler.pager("/news", "GBIF", 1, 1)).isEmpty();
        assertThat(NewsAssembler.pager("/news", "GBIF", 1, 2).get(1).href()).isEqualTo("/news?category=GBIF&page=2");
    }

    /** A listing that fails is a notice, never an archive that looks empty. */
    @Test
    void aFailingListingIsANoticeNotAnEmptyArchive() {
        content.respond(POSTS + "?cards=true&lang=nl&limit=20&offset=40", 500, "application/json", "{}");
        String html = get("/nl/news?page=3", 200);
        assertThat(html).contains("Het nieuws is tijdelijk niet beschikbaar").doesNotContain("Geen nieuws");
    }

    @Test
    void aPostShowsItsDateCategoriesAndRelatedPostsButNotItself() {
        String html = get("/nl/post/2026/portal-opens", 200);
        assertThat(html).contains("<p class=\"post-date\">2 november 2026</p>",
                "<a href=\"/nl/news?category=Portal\">Portal</a>", "Verwant nieuws",
                "<a href=\"/nl/post/2026/literature-search\">");
        assertThat(html.indexOf("<a href=\"/nl/post/2026/portal-opens\">")).as("not related to itself").isNegative();
    }

    @Test
    void aPostsCategoriesLinkToTheSitesOwnArchive() {
        // the hosted-portal theme's documentation site keeps its archive at /posts/ (archive_permalink), not /news
        String archive = "/api/content/v1/pages?lang=nl&layout=archive&limit=1&offset=0";
        content.respond(archive, 200, "application/json",
                "{\"offset\":0,\"count\":1,\"results\":[{\"lang\":\"nl\",\"permalink\":\"/nl/posts\"}]}");
        try {
            assertThat(get("/nl/post/2026/portal-opens", 200)).contains("<a href=\"/nl/posts?category=Portal\">Portal</a>")
                .doesNotContain("/nl/news?category=");
        }
        finally {
            content.respond(archive, 404, "application/json", "{}");
        }
    }

    @Test
    void aPostWhoseRelatedPostsCannotBeListedSaysSoAndIsNotKept() {
        content.respond(POSTS + "?lang=nl&limit=50&offset=0", 500, "application/json", "{}");
        String html;
        try {
            html = get("/nl/post/2026/portal-opens", 200);
        }
        finally {
            content.json(POSTS + "?lang=nl&limit=50&offset=0", "contracts/content/posts-nl.json");
        }
        assertThat(html).contains("<p class=\"post-date\">2 november 2026</p>", "Verwant nieuws",
                "Het nieuws is tijdelijk niet beschikbaar")
            .doesNotContain("<a href=\"/nl/post/2026/literature-search\">");
    }

    @Test
    void withoutContentServiceTheArchiveIsUnavailable() {
        content.failWith(500);
        assertThat(get("/nl/news", 503)).contains("<html lang=\"nl\">");
    }

    @Test
    void theAtomFeedListsThePostsOfALanguage() {
        String xml = web.get().uri("/nl/feed.xml").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith("application/atom+xml")
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">",
                "<title>Nieuws van GBIF.be</title>", "<name>GBIF.be</name>",
                "<id>https://gbif.example.be/nl/post/2026/literature-search</id>",
                "<published>2026-11-20T09:00:00Z</published>", "<category term=\"Literature\"/>");
        web.get().uri("/xx/feed.xml").exchange().expectStatus().isNotFound();
    }

    @Test
    void theSitemapListsEveryPageWithItsAlternatesAndRobotsPointsToIt() {
        String xml = web.get().uri("/sitemap.xml").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody();
        assertThat(xml).contains("<loc>https://gbif.example.be/nl/community</loc>",
                "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://gbif.example.be/community\"/>",
                "<loc>https://gbif.example.be/nl/post/2026/portal-opens</loc>");
        assertThat(xml).as("the 404 page is no page to index").doesNotContain("/404<");
        assertThat(web.get().uri("/robots.txt").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody()).contains("Sitemap: https://gbif.example.be/sitemap.xml");
    }

    /** One post title with a character XML does not allow must not break the feed for every subscriber. */
    @Test
    void aTitleWithCharactersXmlDoesNotAllowStillGivesAWellFormedFeedAndSitemap() throws Exception {
        String hostile = """
                {"offset": 0, "count": 1, "endOfRecords": true, "results": [
                  {"lang": "fr", "permalink": "/fr/post/2026/bad\\uFFFF", "title": "Titre\\uFFFF\\uFFFE \\u0001<b>&",
                   "kind": "post", "translationKey": "bad", "description": "lone \\uD800 surrogate \\uDC00 \\uD83D\\uDC1D",
                   "categories": ["Cat\\u000B"], "date": "2026-11-20T09:00:00Z"}]}
                """;
        content.respond(POSTS + "?lang=fr&limit=20&offset=0", 200, "application/json", hostile);
        content.respond("/api/content/v1/pages?limit=1000&offset=0", 200, "application/json", hostile);

        String feed = web.get().uri("/fr/feed.xml").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody();
        org.w3c.dom.Document atom = parse(feed);
        assertThat(atom.getElementsByTagName("entry").item(0).getFirstChild().getTextContent())
            .isEqualTo("Titre \u0001<b>&".replace("\u0001", ""));
        assertThat(feed).contains("lone  surrogate  \uD83D\uDC1D", "&lt;b&gt;&amp;");

        String sitemap = web.get().uri("/sitemap.xml").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody();
        assertThat(parse(sitemap).getElementsByTagName("loc").item(0).getTextContent())
            .isEqualTo("https://gbif.example.be/fr/post/2026/bad");
        content.json("/api/content/v1/pages?limit=1000&offset=0", "contracts/content/pages-all.json");
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private String get(String uri, int status) {
        return web.get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
            .getResponseBody();
    }
}
