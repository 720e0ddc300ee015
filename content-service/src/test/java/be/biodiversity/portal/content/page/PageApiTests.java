package be.biodiversity.portal.content.page;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class PageApiTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    PageRepository pages;

    @Test
    void servesTheDutchCommunityPageOfTheDemoContent() {
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/community").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Gemeenschap")
                .jsonPath("$.lang").isEqualTo("nl")
                .jsonPath("$.translationKey").isEqualTo("community")
                .jsonPath("$.heroImageCredit").value(credit -> assertThat((String) credit).contains("CC0"))
                .jsonPath("$.body").value(body -> assertThat((String) body).contains("/nl/publisher/search")
                        .contains("/nl/literature/search"))
                .jsonPath("$.frontMatter.directoryBlocks[0].role").isEqualTo("MEMBER")
                .jsonPath("$.frontMatter.directoryBlocks[1].role").isEqualTo("PARTNER");
    }

    @Test
    void aTrailingSlashFindsTheSamePage() {
        web.get().uri("/api/content/v1/pages?lang=fr&path=/fr/community/").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Communauté");
    }

    @Test
    void listsTheTranslationsOfAPage() {
        web.get().uri("/api/content/v1/pages/translations?key=community").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[?(@.lang == 'en')].permalink").isEqualTo("/community")
                .jsonPath("$[?(@.lang == 'fr')].permalink").isEqualTo("/fr/community")
                .jsonPath("$[?(@.lang == 'nl')].permalink").isEqualTo("/nl/community");
    }

    @Test
    void listsThePagesOfALanguage() {
        web.get().uri("/api/content/v1/pages?lang=nl").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.results[?(@.permalink == '/nl/community')].title").isEqualTo("Gemeenschap")
                .jsonPath("$.results[?(@.permalink == '/nl')].title").isEqualTo("GBIF.be")
                .jsonPath("$.results[?(@.lang != 'nl')]").isEmpty();
    }

    @Test
    void anUnknownPageIsANotFoundProblem() {
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/nothing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("/nl/nothing"));
    }

    @Test
    void anUnknownLanguageIsABadRequestNamingTheField() {
        web.get().uri("/api/content/v1/pages?lang=de&path=/de/community").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("lang")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("'de'"));
    }

    @Test
    void anUnknownSortOrStatusOfAListingIsABadRequestNamingIt() {
        web.get().uri("/api/content/v1/pages?sort=$natural").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("sort");
        web.get().uri("/api/content/v1/posts?status=hidden").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("status");
    }

    @Test
    void createsAPageAndServesIt() {
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page("/nl/over-ons", "Over ons")).exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody().jsonPath("$.version").isEqualTo(0);

        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/over-ons").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Over ons");
    }

    @Test
    void aPathWithoutExtensionFindsThePageAtThatPathDotHtml() {
        post(page("/nl/gegevens.html", "Gegevens")).expectStatus().isCreated();

        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/gegevens").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("Gegevens")
                .jsonPath("$.permalink").isEqualTo("/nl/gegevens.html");
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/gegevens.htm").exchange().expectStatus().isNotFound();
    }

    @Test
    void aSecondPageAtTheSamePermalinkIsAConflictAndChangesNothing() {
        long before = pages.count().block();

        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page("/nl/community/", "Nog een gemeenschap")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.field").isEqualTo("permalink")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("/nl/community"));

        assertThat(pages.count().block()).isEqualTo(before);
        assertThat(pages.findByLangAndPermalink("nl", "/nl/community").block().title()).isEqualTo("Gemeenschap");
    }

    @Test
    void writesNeedTheEditorToken() {
        long before = pages.count().block();
        web.post().uri("/api/content/v1/pages").bodyValue(page("/nl/a", "A")).exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, "Bearer guess")
                .bodyValue(page("/nl/b", "B")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        assertThat(pages.count().block()).isEqualTo(before);
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndChangesNothing() {
        long before = pages.count().block();
        post(page("nl/no-leading-slash", "X")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("permalink");
        post(page("/nl/x", "")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("title");
        post(Map.of("lang", "xx", "permalink", "/xx/y", "title", "Y")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("lang");
        post(Map.of("lang", "nl", "permalink", "/nl/big", "title", "Big", "body", "x".repeat(200_001)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("body");
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"lang\": \"nl\", \"title\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(pages.count().block()).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN).bodyValue(body)
                .exchange();
    }

    private static Map<String, Object> page(String permalink, String title) {
        return Map.of("lang", "nl", "permalink", permalink, "title", title, "body", "Tekst.");
    }
}
