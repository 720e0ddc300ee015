package be.biodiversity.portal.render.compose;

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

/** The blocks filled from our services: latestPosts (content-service), people and organisations (directory-service). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class ProviderBlocksTests {

    private static final String NL_POSTS = "/api/content/v1/posts?cards=true&lang=nl&limit=2&offset=0";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/blokken", "contracts/content/page-nl-blocks.json")
        .json("/api/content/v1/pages?lang=fr&path=/fr/blocs", "contracts/content/page-fr-blocks.json")
        .json(NL_POSTS, "contracts/content/posts-nl.json")
        .json("/api/content/v1/posts?cards=true&lang=fr&limit=3&offset=0", "contracts/content/posts-none.json")
        .json("/api/content/v1/posts?cards=true&lang=en&limit=3&offset=0", "contracts/content/posts-en.json")
        .json("/api/content/v1/pages?lang=nl&path=/nl/post/2026/literature-search",
                "contracts/content/page-nl-post-literature.json")
        .json("/api/content/v1/pages?lang=nl&path=/nl/post/2026/portal-opens", "contracts/content/page-nl-post.json");

    static final ProviderStub directory = ProviderStub.start()
        .json("/api/directory/v1/people?category=NODE_STAFF&limit=1000", "contracts/directory/people-node-staff.json")
        .json("/api/directory/v1/people?category=NODE_STAFF&current=true&limit=1000",
                "contracts/directory/people-node-staff-current.json")
        .json("/api/directory/v1/organisations?limit=1000&type=UNIVERSITY",
                "contracts/directory/organisations-university.json")
        .json("/api/directory/v1/organisations?limit=1000&role=PARTNER",
                "contracts/directory/organisations-partner.json");

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
        content.json(NL_POSTS, "contracts/content/posts-nl.json");
        directory.healthy();
    }

    @AfterAll
    static void stop() {
        content.close();
        directory.close();
    }

    /**
     * hp-template's home page: {@code layout: home} and no composition of its own. The theme's home layout composes
     * the text and the latest posts, so they are shown under it; its description is markdown.
     */
    @Test
    void aHomeLayoutPageWithoutCompositionShowsItsTextThenTheLatestPosts() {
        content.respond("/api/content/v1/pages?lang=en&path=/", 200, "application/json", """
                {"lang": "en", "permalink": "/", "title": "My headline", "layout": "home", "kind": "page",
                 "description": "Lorem *at* orat<br>Second <b>line</b>", "body": "Edit the home page.",
                 "html": "<p>Edit the home page.</p>", "frontMatter": {}}
                """);
        String html = get("/");
        assertThat(html).contains("<p class=\"lead\">Lorem <em>at</em> orat<br>Second &lt;b&gt;line&lt;/b&gt;</p>",
                "<p>Edit the home page.</p>", "Latest news");
        assertThat(html.indexOf("Edit the home page.")).as("the text, then the posts")
            .isLessThan(html.indexOf("Latest news"));
        assertThat(content.requests()).contains("/api/content/v1/posts?cards=true&lang=en&limit=3&offset=0");
    }

    @Test
    void latestPostsShowsTheNewestPostsOfTheLanguageWithDateImageAndExcerpt() {
        String html = get("/nl/blokken");
        assertThat(html).contains(">Laatste nieuws</h2>",
                "<img src=\"/assets/images/news/literature.jpg\" alt=\"\" loading=\"lazy\">",
                "<p class=\"post-date\">20 november 2026</p>",
                "<a href=\"/nl/post/2026/literature-search\">Vind het onderzoek dat Belgische data gebruikt</a>",
                "Onderzoekers en beleidsmakers hergebruiken de data die Belgische organisaties delen.",
                "<p class=\"post-date\">2 november 2026</p>", "Het portaal is nu een levende site.",
                "<a href=\"/nl/news\" class=\"button\">Alle nieuws</a>");
        assertThat(html.indexOf("20 november 2026")).as("newest first").isLessThan(html.indexOf("2 november 2026"));
        assertThat(content.requests()).as("limit from the front matter").contains(NL_POSTS);
    }

    @Test
    void latestPostsTakesImageAndExcerptFromTheListingInOneRequest() {
        content.json(NL_POSTS, "contracts/content/posts-nl-cards.json");
        int before = content.requests().size();
        String html = get("/nl/blokken");
        assertThat(html).contains("<img src=\"/assets/images/literature.jpg\" alt=\"\" loading=\"lazy\">",
                "Wie gebruikt Belgische biodiversiteitsdata? De literatuurzoekfunctie toont het.",
                "Andere tekst.");
        assertThat(html).as("the first paragraph, not the description, as the theme's latestPosts")
            .doesNotContain("Het portaal is nu een levende site.");
        java.util.List<String> requests = java.util.List.copyOf(content.requests());
        assertThat(requests.subList(before, requests.size())).as("one listing, no post read")
            .noneMatch((request) -> request.startsWith("/api/content/v1/pages?lang=nl&path=/nl/post/"));
    }

    @Test
    void aLanguageWithoutPostsShowsTheDefaultLanguagesMarkedAsSuch() {
        String html = get("/fr/blocs");
        assertThat(html).contains(">Actualités</h2>", "<li class=\"card\" lang=\"en\">",
                "<a href=\"/post/2026/portal-opens\">A new portal for Belgian biodiversity data</a>",
                "2 novembre 2026", "<a href=\"/news\" class=\"button\">Toutes les actualités</a>");
    }

    @Test
    void peopleShowsPhotoOrInitialsRolesAndBioInThePagesLanguageThenFormerStaff() {
        String html = get("/nl/blokken");
        String team = section(html, "Ons team");
        assertThat(team).contains("<img src=\"https://www.gbif.be/img/an-peeters.jpg\" alt=\"\" loading=\"lazy\" class=\"photo\">",
                "<h3>An Peeters</h3>", "<p class=\"roles\">Node manager</p>", "Leidt het <strong>knooppunt</strong>",
                "<span class=\"initials\" aria-hidden=\"true\">JJ</span>", "<h3>Jan Janssens</h3>",
                "<p class=\"roles\">Data manager, Helpdesk</p>", "Looks after the data.",
                "<h3 class=\"former-heading\">Voormalige medewerkers</h3>",
                "<span class=\"initials\" aria-hidden=\"true\">MB</span>", "<h3>Marie-Claire van den Broeck</h3>");
        assertThat(team.indexOf("Jan Janssens")).as("current before former")
            .isLessThan(team.indexOf("Marie-Claire"));
        assertThat(team).as("unsafe photo and raw HTML left out").doesNotContain("javascript:", "<script");
    }

    @Test
    void peopleCanBeFilteredByRoleAndCurrent() {
        String managers = section(get("/nl/blokken"), "Knooppuntmanagers");
        assertThat(managers).contains("An Peeters").doesNotContain("Jan Janssens", "Marie-Claire", "Voormalige");
        assertThat(directory.requests()).contains("/api/directory/v1/people?category=NODE_STAFF&current=true&limit=1000");
    }

    @Test
    void organisationsByTypeShowLogoOrInitialsNameInThePagesLanguageAndLinkToTheirPublisherPage() {
        String universities = section(get("/nl/blokken"), "Universiteiten");
        assertThat(universities).contains(
                "<a href=\"/nl/publisher/9d2f4c1a-7b3e-4f5a-8c6d-1e2f3a4b5c02\">",
                "<span class=\"initials\" aria-hidden=\"true\">UA</span>",
                "<span class=\"name\">Universiteit Antwerpen</span>",
                "<a href=\"/nl/publisher/9d2f4c1a-7b3e-4f5a-8c6d-1e2f3a4b5c01\">",
                "<img src=\"https://www.ugent.be/logo.png\" alt=\"\" loading=\"lazy\" class=\"logo\">",
                "<span class=\"name\">Universiteit Gent</span>");
        assertThat(universities.indexOf("Antwerpen")).as("by name").isLessThan(universities.indexOf("Gent"));
    }

    @Test
    void organisationsByRoleUseTheEnglishNameWhenThereIsNoDutchOne() {
        String partners = section(get("/nl/blokken"), "Internationale partners");
        assertThat(partners).contains("<span class=\"name\">Global Biodiversity Information Facility Secretariat</span>",
                "<span class=\"initials\" aria-hidden=\"true\">GBIF</span>");
    }

    @Test
    void anOrganisationsBlockWithAnUnknownTypeIsLeftOut() {
        assertThat(get("/nl/blokken")).doesNotContain("Ruimteschepen");
        assertThat(directory.requests()).noneMatch((request) -> request.contains("SPACESHIP"));
    }

    @Test
    void withoutTheDirectoryThePageIsShownWithNoticesInPlaceOfPeopleAndOrganisations() {
        directory.goDown();
        String html = get("/nl/blokken");
        assertThat(section(html, "Ons team")).contains("De lijst van mensen is tijdelijk niet beschikbaar.");
        assertThat(section(html, "Universiteiten"))
            .contains("De lijst van organisaties is tijdelijk niet beschikbaar.");
        assertThat(html).contains("Vind het onderzoek dat Belgische data gebruikt");
    }

    @Test
    void withoutTheNewsListingTheLatestPostsBlockShowsANotice() {
        content.respond(NL_POSTS, 503, "application/problem+json", "{\"status\":503}");
        String html = web.get().uri("/nl/blokken").exchange().expectStatus().isOk()
            .expectHeader().doesNotExist("X-Portal-Degraded")
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(section(html, "Laatste nieuws")).contains("Het nieuws is tijdelijk niet beschikbaar.")
            .doesNotContain("Alle nieuws");
        assertThat(html).contains("An Peeters");
    }

    private String get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    /** The block whose heading is {@code title}, up to the next block. */
    private static String section(String html, String title) {
        int heading = html.indexOf(">" + title + "</h2>");
        assertThat(heading).as("a block headed " + title).isPositive();
        int start = html.lastIndexOf("<section", heading);
        return html.substring(start, html.indexOf("</section>", heading));
    }
}
