package be.biodiversity.portal.render.compose;

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
 * The theme's layout features a hosted-portal page uses: data named with a language ({@code nl.GBIFnews}), the
 * {@code media}, {@code blank} and {@code product} blocks and {@code inlineData}, {@code toc: true},
 * {@code sideNavigation}, a description with {@code <br>}, a body with its own h1, the author.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class ThemeBlocksTests {

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/thema", "contracts/content/page-nl-theme-blocks.json")
        .json("/api/content/v1/data/node?lang=fr", "contracts/content/data-node-fr.json")
        .json("/api/content/v1/data/GBIFnews?lang=nl", "contracts/content/data-gbifnews-nl.json")
        .json("/api/content/v1/data/examples?lang=nl", "contracts/content/data-examples-media-nl.json")
        .json("/api/content/v1/data/sideNavigation?lang=nl", "contracts/content/data-sidenavigation-nl.json");

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
    void dataNamedWithALanguageIsReadFromThatLanguagesFile() {
        String html = get();
        assertThat(html).contains(">Sujets d&#39;actualité</h2>", "Espèces invasives", "<em>espèces</em>",
                ">Wereldnieuws</h2>", "countriesOfCoverage=BE");
        assertThat(content.requests()).contains("/api/content/v1/data/node?lang=fr",
                "/api/content/v1/data/GBIFnews?lang=nl");
    }

    @Test
    void aFeaturesImageShowsItsCreditAsTheThemeDoes() {
        String html = get();
        assertThat(html).as("imageLicense of a feature with an image (hp-gbif-be's topics), markdown made inline HTML")
                .contains("<p class=\"card-credit\"><a rel=\"nofollow\" href=\"https://www.gbif.org/occurrence/1135723338\">Isotype of "
                        + "<em>Irpex spiculifer</em> G.Cunn.</a> from Manaaki Whenua</p>");
        assertThat(html).as("the theme shows the credit only on an image").doesNotContain("Crédit sans image");
    }

    @Test
    void mediaBlankAndProductBlocksAreShown() {
        String html = get();
        assertThat(html).contains("class=\"block media-block\"", ">In beeld</h2>",
                "src=\"/assets/images/map.png\"", "<a href=\"/nl/kaart\">Een kaart</a>", "Waarnemingen op een kaart.");
        assertThat(html).contains("class=\"block prose body\"", "Een <strong>vrij</strong> blok");
        assertThat(html).contains(">Een product</h2>", "Naast een beeld", "src=\"/assets/images/p.png\"");
        assertThat(html).doesNotContain("<script>alert", "javascript:");
    }

    @Test
    void theTableOfContentsAndTheSideMenuAreShown() {
        String html = get();
        assertThat(html).contains("<nav class=\"toc\" aria-labelledby=\"toc-heading\">",
                "<h2 id=\"toc-heading\">Op deze pagina</h2>", "<a href=\"#eerste-deel\">Eerste deel</a>",
                "class=\"toc-level-3\"><a href=\"#details\">Details</a>");
        assertThat(html).contains("<nav class=\"side-nav\" aria-label=\"In deze rubriek\">",
                "<p class=\"side-nav-title\">Handleidingen</p>",
                "<a href=\"/nl/thema\" aria-current=\"page\">Thema&#39;s</a>", "<span>Meer</span>",
                "<a href=\"/nl/over\">Over</a>");
        assertThat(html).doesNotContain("Kwaad");
    }

    @Test
    void theDescriptionBreaksItsLineAndTheBodysHeadingIsTheOneH1() {
        String html = get();
        String main = html.substring(html.indexOf("<main"));
        assertThat(main).contains("<p class=\"lead\">Welkom op GBIF.be.<br>Ontdek de gegevens.</p>")
            .doesNotContain("&lt;br&gt;");
        assertThat(html).as("as in the theme, the title is shown but the body's own heading is the h1")
            .contains("<h2 class=\"page-title\">Thema&#39;s</h2>", "<h1 id=\"eigen-kop\">Eigen kop</h1>");
        assertThat(html.split("<h1", -1)).hasSize(2);
        assertThat(html).contains("<p class=\"author\">Door Andre Heughebaert</p>");
    }

    private String get() {
        return web.get().uri("/nl/thema").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody();
    }
}
