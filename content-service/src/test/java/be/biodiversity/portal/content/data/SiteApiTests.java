package be.biodiversity.portal.content.data;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /api/content/v1/site} on its own database, the demo site loaded as shipped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-site" })
@AutoConfigureWebTestClient
class SiteApiTests {

    @Autowired
    WebTestClient web;

    @Test
    void theDemoSiteCarriesItsOwnIdentityAndLanguages() {
        web.get().uri("/api/content/v1/site").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.key").isEqualTo("default")
                .jsonPath("$.title").isEqualTo("GBIF.be")
                .jsonPath("$.privacy.name").isEqualTo("Belgian Biodiversity Platform")
                .jsonPath("$.defaultLanguage").isEqualTo("en")
                .jsonPath("$.languages[*].code").isEqualTo(java.util.List.of("en", "nl", "fr"))
                .jsonPath("$.languages[1].name").isEqualTo("Nederlands");
    }

    @Test
    void anotherConfigIsAnotherIdentity() {
        put("_config", "title: Faune de Wallonie\nemail: info@example.org\nalgae:\n  rootLang: en\n"
                + "  style:\n    colors:\n      primary: \"#123456\"\n");
        try {
            web.get().uri("/api/content/v1/site").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.title").isEqualTo("Faune de Wallonie")
                    .jsonPath("$.primaryColor").isEqualTo("#123456")
                    .jsonPath("$.privacy.contactEmail").isEqualTo("info@example.org");
        }
        finally {
            put("_config", "title: GBIF.be\nprivacy:\n  name: Belgian Biodiversity Platform\nalgae:\n  rootLang: en\n");
        }
    }

    private void put(String name, String source) {
        Long version = web.get().uri("/api/content/v1/data/" + name).exchange().expectBody(Map.class)
                .returnResult().getResponseBody() instanceof Map<?, ?> current && current.get("version") instanceof Number n
                        ? n.longValue() : null;
        web.put().uri("/api/content/v1/data/" + name).header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .bodyValue(version == null ? Map.of("source", source) : Map.of("source", source, "version", version))
                .exchange().expectStatus().is2xxSuccessful();
    }
}
