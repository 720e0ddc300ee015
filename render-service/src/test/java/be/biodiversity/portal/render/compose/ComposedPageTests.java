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

/** A page composed of the theme's blocks: hero buttons, stats from our services, features, split, markdown. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class ComposedPageTests {

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/samengesteld", "contracts/content/page-nl-composed.json")
        .json("/api/content/v1/data/node?lang=nl", "contracts/content/data-node-nl.json")
        .json("/api/content/v1/data/examples?lang=nl", "contracts/content/data-examples-nl.json")
        .respond("/api/content/v1/literature?limit=0&offset=0", 200, "application/json",
                "{\"offset\":0,\"limit\":0,\"count\":1234,\"results\":[],\"facets\":[]}");

    static final ProviderStub directory = ProviderStub.start()
        .respond("/api/directory/v1/organisations?limit=0&role=MEMBER", 200, "application/json", "{\"count\":12}")
        .respond("/api/directory/v1/organisations?limit=0&role=PARTNER", 200, "application/json", "{\"count\":12}")
        .respond("/api/directory/v1/organisations?limit=0&role=PUBLISHER", 200, "application/json", "{\"count\":0}");

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
    void theBlocksAreShownInTheirOrderWithTheBodyWherePageMarkdownIs() {
        String html = get();
        assertThat(html).contains("<a href=\"/nl/community\" class=\"button\">Gemeenschap</a>",
                "<strong>12</strong> <span>leden</span>", "<strong>1.234</strong>",
                ">Ons team</h2>", "<strong>knooppunt</strong>",
                "<a href=\"mailto:an@example.org\">An Peeters</a>", "<img src=\"/assets/images/staff/an.jpg\"",
                "<p>Deze tekst staat tussen de blokken.</p>", ">onze missie</h2>",
                "<a href=\"https://www.gbif.org/country/BE\" class=\"button primary\">Landenpagina</a>");
        assertThat(html).as("a stories block links to the same selection on GBIF.org").contains(">Recent nieuws</h2>",
                "href=\"https://www.gbif.org/resource/search?contentType=news&amp;contentType=dataUse"
                        + "&amp;countriesOfCoverage=BE&amp;countriesOfCoverage=NL\"", "Bekijk ze op GBIF.org");
        assertThat(html.indexOf("Ons team")).isLessThan(html.indexOf("Deze tekst staat"));
        assertThat(html.indexOf("Deze tekst staat")).isLessThan(html.indexOf("onze missie"));
        assertThat(html).as("no publishers yet: that figure is left out").doesNotContain("datapublicisten");
        assertThat(html).as("unsafe links and raw HTML from data are left out")
            .doesNotContain("javascript:", "Kwaadaardig", "<script");
    }

    @Test
    void membersLinkToTheCommunityPageOnlyWhereTheSiteHasOne() {
        String community = "/api/content/v1/pages?lang=nl&path=/nl/community";
        assertThat(get()).as("no community page (the theme's own site): the figure is not a link to a 404")
            .contains("<strong>12</strong> <span>leden</span>").doesNotContain("href=\"/nl/community\"><strong>", "href=\"\"");
        content.json(community, "contracts/content/page-nl-community.json");
        try {
            assertThat(get()).contains("<a href=\"/nl/community\"><strong>12</strong> <span>leden</span></a>");
        }
        finally {
            content.respond(community, 404, "application/json", "{}");
        }
    }

    @Test
    void withoutTheDirectoryTheStatsBlockIsLeftOut() {
        directory.goDown();
        String html = get();
        assertThat(html).contains("Ons team").doesNotContain("<span>leden</span>");
    }

    private String get() {
        return web.get().uri("/nl/samengesteld").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody();
    }
}
