package be.biodiversity.portal.content.data;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class SiteDataApiTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private WebTestClient.ResponseSpec put(String name, String lang, String source, Long version) {
        return web.put().uri(u -> u.path("/api/content/v1/data/" + name).queryParamIfPresent("lang",
                java.util.Optional.ofNullable(lang)).build()).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(version == null ? Map.of("source", source) : Map.of("source", source, "version", version))
                .exchange();
    }

    private List<Long> database() {
        return List.of("siteData", "siteDataRevisions", "siteRevision").stream()
                .map(c -> mongo.count(new Query(), c).block()).toList();
    }

    @Test
    void aLanguageWithoutItsOwnFileFallsBackToTheDefaultOne() {
        put("partners", null, "belgium:\n  - name: INBO\n", null).expectStatus().isCreated();
        web.get().uri("/api/content/v1/data/partners?lang=fr").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.fallback").isEqualTo(true).jsonPath("$.lang").isEqualTo("")
                .jsonPath("$.content.belgium[0].name").isEqualTo("INBO");
        put("partners", "fr", "belgium:\n  - name: INBO (fr)\n", null).expectStatus().isCreated();
        web.get().uri("/api/content/v1/data/partners?lang=fr").exchange().expectBody()
                .jsonPath("$.fallback").isEqualTo(false).jsonPath("$.content.belgium[0].name").isEqualTo("INBO (fr)");
        web.get().uri("/api/content/v1/data/partners?lang=nl").exchange().expectBody().jsonPath("$.fallback").isEqualTo(true);
        web.get().uri("/api/content/v1/data/nothing").exchange().expectStatus().isNotFound();
    }

    @Test
    void pagesResolveAgainstTheDataAsItIsNow() {
        put("banner", null, "text: Eerste\n", null).expectStatus().isCreated();
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("lang", "nl", "permalink", "/nl/banner", "title", "Banner",
                        "body", "Vandaag: {{ site.data.banner.text }}")).exchange().expectStatus().isCreated();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/banner").exchange().expectBody()
                .jsonPath("$.html").value(html -> assertThat((String) html).contains("Vandaag: Eerste"));
        put("banner", null, "text: Tweede\n", 0L).expectStatus().isOk();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/banner").exchange().expectBody()
                .jsonPath("$.html").value(html -> assertThat((String) html).contains("Vandaag: Tweede"));
    }

    @Test
    void anOldRevisionOfADataFileCanBeRestored() {
        put("colors", "nl", "primary: blue\n", null).expectStatus().isCreated();
        put("colors", "nl", "primary: red\n", 0L).expectStatus().isOk();
        web.post().uri("/api/content/v1/data/colors/revisions/0/restore?lang=nl&version=0")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(1);
        web.post().uri("/api/content/v1/data/colors/revisions/0/restore?lang=nl&version=1")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk();
        web.get().uri("/api/content/v1/data/colors?lang=nl").exchange().expectBody()
                .jsonPath("$.content.primary").isEqualTo("blue").jsonPath("$.version").isEqualTo(2);
        web.get().uri("/api/content/v1/data/colors/revisions?lang=nl").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(3).jsonPath("$[0].action").isEqualTo("restore");
    }

    @Test
    void badDataWritesNameTheFieldOrLineAndChangeNothing() {
        put("sidebar", null, "links: []\n", null).expectStatus().isCreated();
        List<Long> before = database();
        put("sidebar", null, "links:\n  - a\n b: c\n", 0L).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("source")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 3"));
        put("sidebar", null, "links: [x]\n", 7L).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.currentVersion").isEqualTo(0);
        put("sidebar", "de", "links: []\n", null).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("lang");
        put("../etc", null, "a: 1\n", null).expectStatus().is4xxClientError();
        put("sidebar", null, "links: []\n", null).expectStatus().isEqualTo(409);
        web.put().uri("/api/content/v1/data/sidebar").bodyValue(Map.of("source", "x: 1\n")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aDataWriteThatWouldTakeAPageOverALimitIsRefusedNamingThePage() {
        put("knobs", null, "k: x\n", null).expectStatus().isCreated();
        // harmless while k is one character: 2^15 of them; a hundred characters make 3.2 million
        String body = "{% assign s = site.data.knobs.k %}" + "{% assign s = s | append: s %}".repeat(15)
                + "{{ s | size }}";
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("lang", "nl", "permalink", "/nl/knobs", "title", "Knobs", "body", body))
                .exchange().expectStatus().isCreated();
        List<Long> before = database();
        put("knobs", null, "k: " + "x".repeat(100) + "\n", 0L).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("source")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/nl/knobs")
                        .contains("portal.content.liquid.max-string-length"));
        assertThat(database()).isEqualTo(before);
        put("knobs", null, "k: xy\n", 0L).expectStatus().isOk();
        put("other", null, "k: " + "x".repeat(100) + "\n", null).expectStatus().isCreated();
    }
}
