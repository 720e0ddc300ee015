package be.biodiversity.portal.content.page;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 #6: an editor previews an unsaved edit or a draft through a link anyone holding it can open; the
 * preview is checked as a save would be, resolved as a read would show it, never cached, never published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-previews" })
@AutoConfigureWebTestClient
class PreviewApiTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Test
    void anUnsavedEditIsPreviewedByItsLinkAndStaysUnpublished() {
        JsonNode link = preview(page("/nl/pv-nieuw", "Nog niet **gepubliceerd**", "Tekst met {{ page.title }}"));
        String id = link.get("id").asString();
        assertThat(id).matches("[A-Za-z0-9_-]{32}");
        assertThat(link.get("url").asString()).isEqualTo("/preview/" + id);

        web.get().uri("/api/content/v1/previews/" + id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private")
                .expectHeader().valueEquals("X-Robots-Tag", "noindex, nofollow")
                .expectBody().jsonPath("$.html").value(html -> assertThat((String) html)
                        .contains("<p>Tekst met Nog niet <strong>gepubliceerd</strong></p>"))
                .jsonPath("$.permalink").isEqualTo("/nl/pv-nieuw").jsonPath("$.updatedBy").doesNotExist();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/pv-nieuw").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/pages?lang=nl&path=/nl/pv-nieuw&drafts=true")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isNotFound();
    }

    @Test
    void aDraftIsPreviewedAsItIsStored() {
        Map<String, Object> draft = page("/nl/pv-concept", "Concept", "Geheime tekst");
        draft.put("status", "draft");
        String pageId = web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(draft).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        web.post().uri("/api/content/v1/pages/" + pageId + "/preview").exchange().expectStatus().isUnauthorized();
        String id = web.post().uri("/api/content/v1/pages/" + pageId + "/preview")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        web.get().uri("/api/content/v1/previews/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("Concept").jsonPath("$.html").value(html ->
                        assertThat((String) html).contains("Geheime tekst"));
        web.post().uri("/api/content/v1/pages/0123456789abcdef01234567/preview")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyEditorsMakePreviewsAndAnEditASaveWouldRefuseIsRefusedByNameAndNotKept() {
        web.post().uri("/api/content/v1/previews").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(page("/nl/pv-anoniem", "Anoniem", "x")).exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/content/v1/previews").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(page("/nl/pv-fout", "Fout", "{% include ../../etc/passwd %}"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("body"));
        web.post().uri("/api/content/v1/previews").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(page("/api/pv", "Gereserveerd", "x"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void anUnknownOrMalformedPreviewIsNotThere() {
        web.get().uri("/api/content/v1/previews/" + PagePreviews.newId()).exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/previews/{id}", "{\"$ne\":null}").exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/previews/short").exchange().expectStatus().isNotFound();
    }

    private JsonNode preview(Map<String, Object> page) {
        return web.post().uri("/api/content/v1/previews").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(page).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> page(String permalink, String title, String body) {
        Map<String, Object> page = new HashMap<>();
        page.put("lang", "nl");
        page.put("permalink", permalink);
        page.put("title", title);
        page.put("body", body);
        return page;
    }
}
