package be.biodiversity.portal.content.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A first start on an empty database: the demo pages, navigation and footer are there in every language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=content-demo")
@AutoConfigureWebTestClient
class DemoContentTests {

    @Autowired
    WebTestClient web;

    @Test
    void theDemoSiteHasItsPagesInThreeLanguages() {
        web.get().uri("/api/content/v1/pages?limit=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(15);
        web.get().uri("/api/content/v1/posts?lang=nl").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.results[0].permalink").isEqualTo("/nl/post/2026/literature-search")
                .jsonPath("$.results[0].categories[1]").isEqualTo("Literature");
        web.get().uri("/api/content/v1/pages?lang=fr&path=/fr/news").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.layout").isEqualTo("archive");
    }

    @Test
    void theNavigationIsThereInEachLanguage() {
        web.get().uri("/api/content/v1/data/navigation?lang=nl").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.fallback").isEqualTo(false)
                .jsonPath("$.content[0].text").isEqualTo("Over ons")
                .jsonPath("$.content[0].menu[0].href").isEqualTo("/nl/community");
        web.get().uri("/api/content/v1/data/navigation?lang=en").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[1].menu[1].href").isEqualTo("/literature/search");
        web.get().uri("/api/content/v1/data/footer?lang=fr").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content.columns[0].name").isEqualTo("Contact");
    }
}
