package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code cards=true}: a posts listing carries what a news card shows, so a reader makes one request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class PostCardsTests {

    @Autowired
    WebTestClient web;

    @Test
    void aListingWithCardsCarriesEachPostsImageExcerptAndAuthorResolved() {
        create(Map.of("lang", "nl", "permalink", "/nl/post/2024/kaart", "title", "Een kaart", "kind", "post",
                "date", "2024-03-01T10:00:00Z", "categories", List.of("Kaartjes"),
                "heroImage", "/assets/images/{{ 'kaart' }}.jpg",
                "body", "Eerste alinea met **vet**.\n\nTweede alinea.",
                "frontMatter", Map.of("author", "Andre Heughebaert", "preTitle", "1 maart")));
        create(Map.of("lang", "nl", "permalink", "/nl/post/2024/duim", "title", "Een duimnagel", "kind", "post",
                "date", "2024-02-01T10:00:00Z", "categories", List.of("Kaartjes"), "heroImage", "/assets/groot.jpg",
                "body", "Tekst.", "frontMatter", Map.of("thumbnail", "/assets/klein.jpg")));

        web.get().uri("/api/content/v1/posts?lang=nl&category=Kaartjes&cards=true").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.results[0].card.image").isEqualTo("/assets/images/kaart.jpg")
                .jsonPath("$.results[0].card.excerpt").isEqualTo("Eerste alinea met vet.")
                .jsonPath("$.results[0].card.author").isEqualTo("Andre Heughebaert")
                .jsonPath("$.results[0].card.preTitle").isEqualTo("1 maart")
                .jsonPath("$.results[1].card.image").isEqualTo("/assets/klein.jpg");
        web.get().uri("/api/content/v1/posts?lang=nl&category=Kaartjes").exchange().expectBody()
                .jsonPath("$.results[0].card").doesNotExist();
    }

    @Test
    void cardsAreForPagesOfAtMostOneHundredPosts() {
        web.get().uri("/api/content/v1/posts?lang=nl&cards=true&limit=101").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("limit");
    }

    private void create(Map<String, Object> page) {
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .bodyValue(page).exchange().expectStatus().isCreated();
    }
}
