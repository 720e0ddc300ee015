package be.biodiversity.portal.render.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/** The site search page against stubs of content-service and directory-service, whole and with a part down. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class SearchPageTests {

    private static final String PAGES = "/api/content/v1/search";
    private static final String LITERATURE = "/api/content/v1/literature";
    private static final String ORGANISATIONS = "/api/directory/v1/organisations";

    static final ProviderStub content = ProviderStub.start()
        .json(PAGES + "?lang=nl&limit=10&offset=0&q=ecologie", "contracts/content/site-search.json")
        .json(PAGES + "?lang=nl&limit=10&offset=10&q=ecologie", "contracts/content/site-search.json")
        .json(PAGES + "?lang=fr&limit=10&offset=0&q=<b>écologie</b>", "contracts/content/site-search.json")
        .json(LITERATURE + "?limit=5&offset=0&q=ecologie", "contracts/content/literature-search.json");

    static final ProviderStub directory = ProviderStub.start()
        .json(ORGANISATIONS + "?facet=role&facet=type&facet=country&limit=5&offset=0&q=ecologie",
                "contracts/directory/organisations-search.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterEach
    void healthy() {
        content.healthy();
        directory.healthy();
    }

    @AfterAll
    static void stop() {
        content.close();
        directory.close();
    }

    @Test
    void pagesPublishersAndLiteratureOfTheVisitorsLanguage() {
        String html = get("/nl/search?q=ecologie", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"nl\">", "<meta name=\"robots\" content=\"noindex\">",
                "Pagina&#39;s en nieuws 1–3 van 12", "href=\"/nl/community\"", "Gemeenschap",
                "De <mark>ecologie</mark> van &lt;bossen&gt; &amp; heide", "Nieuws over écologie",
                "Publiceerders", "href=\"/nl/publisher/31bde907-54e0-36d2-9c71-172b30357686\"",
                "Koninklijk Belgisch Instituut voor Natuurwetenschappen",
                "Occupancy trends of freshwater fish in Flemish rivers",
                "href=\"/nl/literature/b1f0c1e2-0001-4a00-9000-000000000001\"");
        assertThat(html).as("paging").contains("href=\"/nl/search?q=ecologie&amp;offset=3\"");
        assertThat(html).as("the language switch keeps the query").contains("href=\"/fr/search?q=ecologie\"");
        assertThat(html).as("the search box of the header").contains("action=\"/nl/search\"");
    }

    @Test
    void aSnippetWithMarkupOtherThanMarkIsShownAsText() {
        String html = get("/nl/search?q=ecologie", HttpStatus.OK);
        assertThat(html).doesNotContain("<script>alert(1)</script>")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;mark&gt;écologie&lt;/mark&gt;");
        assertThat(html).as("a result whose path is no safe link is left out").doesNotContain("javascript:")
            .doesNotContain(">Kwaad<");
    }

    @Test
    void theQueryIsEscapedWhereverItIsShown() {
        String html = get("/fr/search?q={q}", HttpStatus.OK, "<b>écologie</b>");
        assertThat(html).doesNotContain("<b>écologie</b>")
            .contains("&lt;b&gt;écologie&lt;/b&gt; - Recherche | GBIF.be")
            .contains("value=\"&lt;b&gt;écologie&lt;/b&gt;\"")
            .contains("href=\"/nl/search?q=%3Cb%3E%C3%A9cologie%3C/b%3E\"");
    }

    @Test
    void withDirectoryDownThePageShowsTheRestAndSaysWhichPartIsMissing() {
        directory.goDown();
        String html = get("/nl/search?q=ecologie", HttpStatus.OK);
        assertThat(html).contains("In de publiceerders kan nu niet gezocht worden.", "Gemeenschap",
                "Occupancy trends of freshwater fish in Flemish rivers");
    }

    @Test
    void withContentDownThePublishersAreStillShown() {
        content.goDown();
        String html = get("/nl/search?q=ecologie", HttpStatus.OK);
        assertThat(html).contains("In de pagina&#39;s en het nieuws kan nu niet gezocht worden.",
                "In de literatuur kan nu niet gezocht worden.",
                "Koninklijk Belgisch Instituut voor Natuurwetenschappen");
    }

    @Test
    void withoutAQueryOnlyTheBoxIsShownAndNothingIsAsked() {
        long asked = content.requests().stream().filter(request -> request.startsWith(PAGES)).count();
        String html = get("/search", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"en\">", "<h1>Search</h1>", "name=\"q\"")
            .doesNotContain("Publishers</h2>");
        assertThat(content.requests().stream().filter(request -> request.startsWith(PAGES)).count()).isEqualTo(asked);
    }

    @Test
    void anUnknownLanguagePrefixIsNotFound() {
        get("/xx/search?q=ecologie", HttpStatus.NOT_FOUND);
    }

    private String get(String uri, HttpStatus status, Object... variables) {
        return web.get().uri(uri, variables).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
            .getResponseBody();
    }
}
