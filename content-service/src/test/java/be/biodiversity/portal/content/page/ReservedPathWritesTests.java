package be.biodiversity.portal.content.page;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A page cannot be written at a path the portal serves itself: 400 naming {@code permalink}, nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class ReservedPathWritesTests {

    @Autowired
    WebTestClient web;

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/env", "/robots.txt", "/sitemap.xml", "/feed.xml", "/nl/feed.xml",
            "/_gateway/fallback/page", "/api/x", "/publisher/search", "/nl/literature/search", "/privacy" })
    void aWriteAtAReservedPathIsRefused(String permalink) {
        String lang = permalink.startsWith("/nl/") ? "nl" : "en";
        web.post().uri("/api/content/v1/pages").header("Authorization", "Bearer test-editor-secret")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lang\":\"" + lang + "\",\"permalink\":\"" + permalink + "\",\"title\":\"Mine\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("permalink");
        web.get().uri(b -> b.path("/api/content/v1/pages").queryParam("lang", lang).queryParam("path", permalink)
                .build()).exchange().expectStatus().isNotFound();
    }

    @Autowired
    PageWriter writer;

    @org.junit.jupiter.api.Test
    void anOldRevisionAtAPathNowReservedIsNotRestored() {
        // stored before the path was reserved (the importer's own checks are not under test here)
        Page old = writer.importPage(NewPage.page("en", "/robots.txt", null, "Robots", null, null, null, "x",
                java.util.Map.of()), null, "robots.md", "h", "importer").block();
        web.put().uri("/api/content/v1/pages/" + old.id() + "?version=" + old.version())
                .header("Authorization", "Bearer test-editor-secret").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lang\":\"en\",\"permalink\":\"/en/robots-moved\",\"title\":\"Moved\"}")
                .exchange().expectStatus().isOk();
        web.post().uri("/api/content/v1/pages/" + old.id() + "/revisions/" + old.version() + "/restore?version="
                + (old.version() + 1)).header("Authorization", "Bearer test-editor-secret").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("permalink");
        web.get().uri("/api/content/v1/pages?lang=en&path=/en/robots-moved").exchange().expectStatus().isOk();
    }
}
