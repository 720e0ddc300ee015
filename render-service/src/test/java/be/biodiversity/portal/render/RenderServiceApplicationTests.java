package be.biodiversity.portal.render;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service, with stubs for content-service and directory-service serving their
 * documented JSON examples, asserting what a visitor gets. Every request is rendered here (page cache off);
 * {@code PageCacheTests} covers the cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.enabled=false")
@AutoConfigureWebTestClient
class RenderServiceApplicationTests {

    private static final String MEMBERS = "contracts/directory/organisations-member.json";

    private static final String PARTNERS = "contracts/directory/organisations-partner.json";

    private static final String TRANSLATIONS = "/api/content/v1/pages/translations?key=community";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages?lang=nl&path=/nl/community", "contracts/content/page-nl-community.json")
        .json("/api/content/v1/pages?lang=fr&path=/fr/community", "contracts/content/page-fr-community.json")
        .json("/api/content/v1/pages?lang=en&path=/community", "contracts/content/page-en-community.json")
        .json("/api/content/v1/pages?lang=nl&path=/nl/untrusted", "contracts/content/page-untrusted-html.json")
        .json("/api/content/v1/pages?lang=nl&path=/nl/over", "contracts/content/page-resolved.json")
        .json("/api/content/v1/pages?lang=nl&path=/nl/gemeenschap-logos", "contracts/content/page-nl-logo-table.json")
        .json("/api/content/v1/pages?lang=en&path=/community-only-in-english", "contracts/content/page-en-community.json")
        .json("/api/content/v1/data/navigation?lang=fr", "contracts/content/data-navigation.json")
        .json("/api/content/v1/data/footer?lang=fr", "contracts/content/data-footer.json")
        .json(TRANSLATIONS, "contracts/content/translations-community.json");

    static final ProviderStub directory = ProviderStub.start()
        .json("/api/directory/v1/organisations?role=MEMBER&limit=1000", MEMBERS)
        .json("/api/directory/v1/organisations?role=PARTNER&limit=1000", PARTNERS);

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    private WebTestClient web;

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    @AfterEach
    void providersBackToNormal() {
        content.healthy();
        directory.healthy();
        content.json(TRANSLATIONS, "contracts/content/translations-community.json");
    }

    @AfterAll
    static void stopProviders() {
        content.close();
        directory.close();
    }

    @Test
    void theResolvedFormOfAPageIsShownNotItsLiquidSource() {
        String html = get("/nl/over", HttpStatus.OK);
        assertThat(html).contains("<title>Over GBIF.be | GBIF.be</title>", "<h1>Over GBIF.be</h1>",
                "content=\"Wat GBIF.be doet\"", "class=\"hero-photo\" src=\"/assets/images/YB02.jpg\"", "Foto: <em>Yves Bastin</em>",
                "<h2 id=\"gbifbe\">GBIF.be</h2>", "<a href=\"/nl/community\">gemeenschap</a>");
        assertThat(html).doesNotContain("{{");
    }

    @Test
    void theNavigationAndFooterComeFromTheSiteDataOfThePagesLanguage() {
        String html = get("/fr/community", HttpStatus.OK);
        assertThat(html).contains("<nav class=\"site-nav\" aria-label=\"Menu principal\">", "<summary>Over ons</summary>",
                "<a href=\"/fr/community\" aria-current=\"page\">Gemeenschap</a>", "<a href=\"/fr/team\">Team</a>",
                "<a href=\"/fr/news\">Nieuws</a>", "<h2>Contact</h2>", "<strong>open source</strong>",
                "href=\"mailto:gbif@biodiversity.be\"", "<img src=\"/assets/images/logos/logoBBPf.png\" alt=\"BBPf\"");
        assertThat(html).as("unsafe links, raw HTML and kramdown attributes are left out")
            .doesNotContain("javascript:", "Gevaarlijk", "fa-envelope", "{:height");
        assertThat(html).as("a menu text written as HTML (the theme's own menu) shows its words, not its tags")
            .contains("<a href=\"https://jekyllrb.com/\">Jekyll</a>").doesNotContain("&lt;span", "icon-only");
        assertThat(get("/nl/community", HttpStatus.OK)).as("no navigation data in Dutch: no menu")
            .doesNotContain("site-nav");
    }

    @Test
    void aPageMissingInTheVisitorsLanguageIsShownInEnglishWithANotice() {
        String html = get("/fr/community-only-in-english", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"fr\">", "<main id=\"main\" class=\"page-main\" lang=\"en\">",
                "Cette page n’existe pas encore dans votre langue ; la voici en anglais.", "<h1>Community</h1>",
                "<link rel=\"canonical\" href=\"http://localhost:8080/community-only-in-english\">");
        get("/fr/nowhere-at-all", HttpStatus.NOT_FOUND);
    }

    @Test
    void dutchPage() {
        String html = get("/nl/community", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"nl\">", "<title>Gemeenschap | GBIF.be</title>",
                "<meta name=\"description\" content=\"Wie de Belgische open biodiversiteitsdata-gemeenschap vormt\">",
                "<h1>Gemeenschap</h1>", "<h2>Wie we zijn</h2>", "<table>",
                "class=\"hero-photo\" src=\"/assets/images/community.jpg\"", "Foto: <em>iemand</em>",
                "href=\"https://creativecommons.org/licenses/by/4.0/\"",
                "<h2 id=\"directory-block-1\">Belgische BIF-leden</h2>",
                "<h2 id=\"directory-block-2\">Internationale partners</h2>",
                "<a href=\"https://www.naturalsciences.be\" rel=\"external noopener\">", "(RBINS)");
        assertThat(text(html)).contains(names(MEMBERS, "nl")).contains(names(PARTNERS, "nl"));
        assertThat(text(html)).doesNotContain("Royal Belgian Institute of Natural Sciences",
                "Institut royal des Sciences naturelles de Belgique");
        assertThat(count(html, "<h1")).isOne();
        assertThat(html).contains("<header class=\"site-header\">", "<nav class=\"language-switch\"", "<main id=\"main\" class=\"page-main\">",
                "<footer class=\"site-footer\">", "href=\"#main\">Naar de hoofdinhoud</a>");
    }

    @Test
    void dutchPageLinksToItsTranslations() {
        String html = get("/nl/community", HttpStatus.OK);
        assertThat(html).contains(
                "<a href=\"/community\" hreflang=\"en\" lang=\"en\">English</a>",
                "<a href=\"/fr/community\" hreflang=\"fr\" lang=\"fr\">Français</a>",
                "<a href=\"/nl/community\" hreflang=\"nl\" lang=\"nl\" aria-current=\"page\">Nederlands</a>",
                "<link rel=\"canonical\" href=\"http://localhost:8080/nl/community\">",
                "<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/community\">",
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"http://localhost:8080/community\">",
                "<link rel=\"alternate\" hreflang=\"fr\" href=\"http://localhost:8080/fr/community\">",
                "<link rel=\"alternate\" hreflang=\"nl\" href=\"http://localhost:8080/nl/community\">");
        assertThat(count(html, "aria-current")).isOne();
    }

    @Test
    void frenchPage() {
        String html = get("/fr/community", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"fr\">", "<title>Communauté | GBIF.be</title>",
                "<a href=\"/fr/community\" hreflang=\"fr\" lang=\"fr\" aria-current=\"page\">Français</a>");
        assertThat(text(html)).contains(names(MEMBERS, "fr")).contains(names(PARTNERS, "fr"));
        assertThat(text(html)).doesNotContain("Koninklijk Belgisch Instituut voor Natuurwetenschappen");
    }

    @Test
    void englishPageHasNoPrefix() {
        String html = get("/community", HttpStatus.OK);
        assertThat(html).contains("<html lang=\"en\">", "<title>Community | GBIF.be</title>",
                "<a href=\"/nl/community\" hreflang=\"nl\" lang=\"nl\">Nederlands</a>");
        assertThat(text(html)).contains(names(MEMBERS, "en")).contains(names(PARTNERS, "en"));
    }

    @Test
    void trailingSlashIsTheSamePage() {
        assertThat(get("/nl/community/", HttpStatus.OK)).contains("<title>Gemeenschap | GBIF.be</title>",
                "<link rel=\"canonical\" href=\"http://localhost:8080/nl/community\">");
    }

    /** Issue 18#1: a junk spelling never declares itself canonical, and is not a page. */
    @Test
    void theCanonicalLinkNamesTheCleanPathNeverTheVisitorsSpelling() {
        assertThat(getRaw("/nl/%63ommunity/", HttpStatus.OK)).contains(
                "<link rel=\"canonical\" href=\"http://localhost:8080/nl/community\">",
                "<link rel=\"alternate\" hreflang=\"nl\" href=\"http://localhost:8080/nl/community\">");
        assertThat(get("/nl/./community", HttpStatus.OK))
            .contains("<link rel=\"canonical\" href=\"http://localhost:8080/nl/community\">");
        long asked = content.requests().size();
        String junk = getRaw("/nl/community%0B", HttpStatus.NOT_FOUND);
        assertThat(junk).doesNotContain("\u000B", "rel=\"canonical\"").contains("<html lang=\"nl\">");
        assertThat(content.requests().subList((int) asked, content.requests().size()))
            .noneMatch((request) -> request.startsWith("/api/content/v1/pages?"));
    }

    @Test
    void unknownPageIsNotFoundInTheVisitorsLanguage() {
        String english = get("/xx/nothing", HttpStatus.NOT_FOUND);
        assertThat(english).contains("<html lang=\"en\">", "<h1>Page not found</h1>", "<a href=\"/\">");
        String dutch = get("/nl/nothing", HttpStatus.NOT_FOUND);
        assertThat(dutch).contains("<html lang=\"nl\">", "<h1>Pagina niet gevonden</h1>", "<a href=\"/nl\">");
        String french = get("/fr/rien", HttpStatus.NOT_FOUND);
        assertThat(french).contains("<html lang=\"fr\">", "<h1>Page introuvable</h1>", "<a href=\"/fr\">");
    }

    @ParameterizedTest
    @ValueSource(strings = { "error", "down", "slow" })
    void pageWithoutDirectoryServiceShowsANotice(String failure) {
        switch (failure) {
            case "error" -> directory.failWith(500);
            case "down" -> directory.goDown();
            default -> directory.delayBy(java.time.Duration.ofSeconds(3));
        }
        String html = get("/nl/community", HttpStatus.OK);
        assertThat(html).contains("<h1>Gemeenschap</h1>", "Belgische BIF-leden", "Internationale partners");
        assertThat(count(html, "De lijst van organisaties is tijdelijk niet beschikbaar.")).isEqualTo(2);
        assertThat(text(html)).doesNotContain(names(MEMBERS, "nl")).doesNotContain(names(PARTNERS, "nl"));
    }

    @Test
    void pageWithoutTranslationsHasNoAlternatesAndASwitchToTheOtherLanguagesHomePages() {
        content.respond(TRANSLATIONS, 500, "application/problem+json", "{\"status\":500}");
        String html = get("/nl/community", HttpStatus.OK);
        assertThat(html).contains("<h1>Gemeenschap</h1>", "<link rel=\"canonical\"",
                "<a href=\"/\" hreflang=\"en\" lang=\"en\">English</a>",
                "<a href=\"/fr\" hreflang=\"fr\" lang=\"fr\">Français</a>")
            .doesNotContain("rel=\"alternate\" hreflang");
        assertThat(text(html)).contains(names(MEMBERS, "nl"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "error", "down" })
    void withoutContentServiceTheSiteIsUnavailable(String failure) {
        if (failure.equals("error")) {
            content.failWith(500);
        }
        else {
            content.goDown();
        }
        assertThat(get("/nl/community", HttpStatus.SERVICE_UNAVAILABLE)).contains("<html lang=\"nl\">",
                "<h1>Tijdelijk niet beschikbaar</h1>", "<a href=\"/nl\">");
        assertThat(get("/community", HttpStatus.SERVICE_UNAVAILABLE)).contains("<h1>Temporarily unavailable</h1>");
    }

    @Test
    void markdownCannotInjectHtml() {
        String html = get("/nl/untrusted", HttpStatus.OK);
        assertThat(html).doesNotContain("<script", "javascript:", "onerror=alert(3)>", "<img src=x")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "<h2>Nog een titel</h2>");
        assertThat(count(html, "<h1")).isOne();
        assertThat(count(html, "<img")).isZero();
    }

    /** Browsers drop tabs and line breaks and read a backslash as a slash: none of these may reach a href. */
    @Test
    void linksThatBrowsersReadAsAnotherSiteAreNotWritten() {
        String tab = "/\\t/evil.example/x";
        content.respond("/api/content/v1/pages?lang=en&path=/hostile-links", 200, "application/json", """
                {"lang": "en", "permalink": "/hostile-links", "title": "Hostile links", "heroImage": "%s",
                 "body": "[body](/\\\\evil.example/b) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](/community)",
                 "frontMatter": {"cta": [{"text": "Tab", "href": "%s"}, {"text": "Backslash", "href": "/\\\\evil.example"},
                   {"text": "Form feed", "href": "/\\f/evil.example"}, {"text": "Fine", "href": "/community"}]}}
                """.formatted(tab, tab));
        content.respond("/api/content/v1/data/navigation?lang=en", 200, "application/json", """
                {"content": [{"text": "Tab", "href": "%s"}, {"text": "Menu", "menu": [
                  {"text": "Newline", "href": "/\\n/evil.example"}, {"text": "Team", "href": "/team"}]}]}
                """.formatted(tab));
        content.respond("/api/content/v1/data/footer?lang=en", 200, "application/json", """
                {"content": {"columns": [{"name": "Contact", "description": "[mail](data:text/html,x) [us](mailto:a@b.be)"}]}}
                """);

        String html = get("/hostile-links", HttpStatus.OK);

        assertThat(html).doesNotContain("evil.example", "data:", "\t/", "\\")
            .contains("<a rel=\"nofollow\" href=\"/community\">ok</a>", ">Fine<", "<a href=\"/team\">Team</a>",
                    "href=\"mailto:a@b.be\"", "<h1>Hostile links</h1>");
        assertThat(text(html)).contains("body", "data", "mail");
    }

    /** Issue 15#5: the provider clients are Boot's, without the codecs' 256 KB cliff (a 1 MB page was a 503). */
    /** GBIF.be's community page keeps its members as a hand-made table of logos: shown from directory-service. */
    @Test
    void aHandKeptLogoTableShowsTheOrganisationsDirectoryServiceHolds() {
        String html = get("/nl/gemeenschap-logos", HttpStatus.OK);
        assertThat(html).contains("<h2 id=\"belgische-bif-members\">Belgische BIF members</h2>",
                "<ul class=\"logo-cards directory-logos\">",
                "<a href=\"/nl/publisher/6f1c2a9e-3b1d-4c0e-9a57-0d6a2f1b7c01\">",
                "<span class=\"name\">Koninklijk Belgisch Instituut voor Natuurwetenschappen</span>",
                "<span class=\"name\">Onbekend</span>");
        directory.goDown();
        assertThat(get("/nl/gemeenschap-logos", HttpStatus.OK)).as("without directory-service: the table as written")
            .contains("<table class=\"table\">").doesNotContain("directory-logos");
    }

    @Test
    void aOneMegabytePageIsRendered() {
        String body = "Een lange tekst over biodiversiteit. ".repeat(30_000);
        content.respond("/api/content/v1/pages?lang=en&path=/big", 200, "application/json",
                "{\"lang\": \"en\", \"permalink\": \"/big\", \"title\": \"Big\", \"body\": \"" + body + "\"}");
        String html = this.web.mutate().codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
            .build().get().uri("/big").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
        assertThat(html).contains("<h1>Big</h1>").hasSizeGreaterThan(body.length());
    }

    @Test
    void stylesheetIsServedWithoutAskingContentService() {
        int before = content.requests().size();
        this.web.get()
            .uri("/assets/portal/site.css")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("text/css")
            .expectBody(String.class)
            .value((css) -> assertThat(css).contains(".language-switch"));
        // other tests' pages ask for the list of the site's files (responsive images); the stylesheet asks nothing
        assertThat(content.requests().subList(before, content.requests().size()))
            .noneMatch((request) -> request.contains("assets"));
    }

    @Test
    void actuatorExposesHealthOnly() {
        this.web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody(String.class)
            .value((body) -> assertThat(body).contains("\"status\":\"UP\""));
        this.web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }

    /** A path sent exactly as written, percent-encoding and all. */
    private String getRaw(String path, HttpStatus status) {
        org.springframework.web.util.DefaultUriBuilderFactory raw = new org.springframework.web.util.DefaultUriBuilderFactory(
                "http://localhost:" + this.port);
        raw.setEncodingMode(org.springframework.web.util.DefaultUriBuilderFactory.EncodingMode.NONE);
        return this.web.mutate().uriBuilderFactory(raw).build().get().uri(path).exchange().expectStatus()
            .isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    private String get(String path, HttpStatus status) {
        return this.web.get()
            .uri(path)
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType("text/html;charset=UTF-8")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

    /** What a reader sees: the HTML with entities decoded. */
    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html);
    }

    private static int count(String html, String needle) {
        return (int) Pattern.compile(Pattern.quote(needle)).matcher(html).results().count();
    }

    /** The names a visitor should see for a stubbed response: in the language, else in English. */
    private static String[] names(String classpathResource, String lang) {
        OrganisationList list = JsonMapper.builder().build().readValue(ProviderStub.read(classpathResource),
                OrganisationList.class);
        return list.results()
            .stream()
            .map((organisation) -> organisation.names().getOrDefault(lang, organisation.names().get("en")))
            .toArray(String[]::new);
    }

    record OrganisationList(List<NamedOrganisation> results) {
    }

    record NamedOrganisation(Map<String, String> names) {
    }

}
