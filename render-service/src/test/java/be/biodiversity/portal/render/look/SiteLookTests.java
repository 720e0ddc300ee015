package be.biodiversity.portal.render.look;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's logo and colours from its {@code _config}, the compact menu, the focus outline. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class SiteLookTests {

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/over", "contracts/content/page-minimal.json");

    static final ProviderStub directory = ProviderStub.start();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @AfterEach
    void noConfig() {
        content.respond("/api/content/v1/data/_config?lang=en", 404, "application/problem+json", "{\"status\":404}");
        content.healthy();
    }

    @AfterAll
    static void stop() {
        content.close();
        directory.close();
    }

    @Test
    void theLogoAndThePrimaryColourComeFromTheSitesConfig() {
        content.json("/api/content/v1/data/_config?lang=en", "contracts/content/data-config.json");
        String html = get("/nl/over");
        assertThat(html).contains("<img class=\"brand-logo\" src=\"/assets/images/logos/gbif-be-logo.png\" alt=\"GBIF.be\"",
                "<link rel=\"stylesheet\" href=\"/assets/portal/theme.css\">");
        assertThat(html).as("logoAndTitle: false").doesNotContain("class=\"brand-name\"");
        assertThat(get("/assets/portal/theme.css")).contains("--primary: #0000ff;", "--on-primary: #ffffff;",
                "--link: #0000ff;");
    }

    @Test
    void withoutConfigThePortalsOwnLookAndNameAreShown() {
        String html = get("/nl/over");
        assertThat(html).contains("<span class=\"brand-name\">GBIF.be</span>").doesNotContain("brand-logo");
        assertThat(get("/assets/portal/theme.css")).contains("--primary: #2f5518;");
    }

    @Test
    void aLightPrimaryColourIsDarkenedForLinkTextAndGetsDarkButtonText() {
        SiteLook look = new SiteLook(null, true, "#f4b400", "#f4b400");
        assertThat(Colours.contrast(look.linkText(), "#ffffff")).isGreaterThanOrEqualTo(4.5);
        assertThat(look.onPrimary()).isEqualTo("#1a1a1a");
    }

    @Test
    void linksReadOnTheTintedAndGreyBackgroundsToo() {
        // hosted-portal template's own primary colour: darkened for white only, it read 4.26:1 in notices
        String link = new SiteLook(null, true, "#fa5e97", "#fa5e97").linkText();
        for (String background : List.of("#ffffff", "#f7f7f7", SiteLook.DARKEST_LINK_BACKGROUND)) {
            assertThat(Colours.contrast(link, background)).as(background).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(css()).contains("--tint: " + SiteLook.DARKEST_LINK_BACKGROUND + ";",
                ".site-footer { margin-top: 2rem; padding: 2rem 1.25rem 1.5rem; background: #f7f7f7;");
    }

    @Test
    void theMenuOpensWithoutJavaScriptOnSmallScreens() {
        String html = get("/nl/over");
        assertThat(html).contains("<input type=\"checkbox\" id=\"menu-toggle\" class=\"menu-toggle\"",
                "<label for=\"menu-toggle\" class=\"menu-button\">", "<div id=\"site-menu\" class=\"site-menu\">")
            .doesNotContain("<script");
        assertThat(css()).contains(".menu-toggle:checked ~ .site-menu { display: flex; }");
    }

    @Test
    void theMenusCheckboxIsNoKeyboardStopWhereItsButtonIsHidden() {
        // axe (WCAG 4.1.2, rule "label"): on wide screens the button (the checkbox's label) is hidden, so a focusable
        // checkbox there was an invisible stop without a name on every page
        String css = css();
        int small = css.indexOf("@media (max-width: 48rem)");
        String wide = css.substring(0, small);
        assertThat(wide).contains(".menu-button { display: none; }").contains(".menu-toggle { display: none; }")
            .doesNotContainPattern("\\.menu-toggle \\{[^}]*opacity");
        assertThat(css.substring(small, css.indexOf("\n}\n", small))).contains(".menu-button { display: inline-flex;")
            .containsPattern("\\.menu-toggle \\{ display: block; position: absolute; opacity: 0;");
    }

    @Test
    void theFocusOutlineHasAtLeastThreeToOneContrastOnWhite() {
        Matcher focus = Pattern.compile("--focus: (#[0-9a-f]{6});").matcher(css());
        assertThat(focus.find()).isTrue();
        assertThat(Colours.contrast(focus.group(1), "#ffffff")).isGreaterThanOrEqualTo(3.0);
        assertThat(css()).contains(":focus-visible { outline: 3px solid var(--focus);");
    }

    private static String css() {
        try {
            return new ClassPathResource("static/assets/portal/site.css").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }
}
