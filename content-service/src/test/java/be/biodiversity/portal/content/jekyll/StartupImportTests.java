package be.biodiversity.portal.content.jekyll;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code portal.content.import.dir} imports a repository folder before the service is ready, instead of the demo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=content-startup-import", "portal.content.import.dir=src/test/resources/jekyll/site",
        "portal.editor.token=test-editor-secret" })
@AutoConfigureWebTestClient
class StartupImportTests {

    @Autowired
    WebTestClient web;

    @Test
    void theFolderIsImportedAtStartUpAndTheDemoIsNotLoaded() {
        // the source path is shown to editors only
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/about")
                .header("Authorization", "Bearer test-editor-secret").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Over ons").jsonPath("$.sourcePath").isEqualTo("nl/about.md");
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/community").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/data/images?lang=fr").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.fallback").isEqualTo(false);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        web.get().uri("/api/content/v1/openapi").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/content/v1/pages']").exists()
                .jsonPath("$.paths['/api/content/v1/pages/{id}/revisions/{revision}/restore']").exists()
                .jsonPath("$.paths['/api/content/v1/imports']").exists()
                .jsonPath("$.paths['/api/content/v1/revision']").exists();
    }
}
