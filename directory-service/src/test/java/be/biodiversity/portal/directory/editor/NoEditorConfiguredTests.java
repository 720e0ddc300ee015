package be.biodiversity.portal.directory.editor;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With no editor token every write is refused, with content-service's answer: 401, whatever the request carries. */
@SpringBootTest(properties = { "portal.editor.token=",
        "spring.mongodb.database=directory-no-editor" })
@AutoConfigureWebTestClient
class NoEditorConfiguredTests {

    @Autowired
    WebTestClient client;

    @Test
    void everyWriteIsRefusedTheSameWay() {
        for (String authorization : new String[] { null, "Bearer ", "Bearer anything" }) {
            var request = client.post().uri("/api/directory/v1/organisations").contentType(MediaType.APPLICATION_JSON);
            if (authorization != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.bodyValue("{}").exchange().expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
                    .expectBody().jsonPath("$.detail")
                    .value(d -> assertThat((String) d).startsWith("Writes are disabled: no editor token is configured"));
        }
        client.get().uri("/api/directory/v1/organisations?limit=0").exchange().expectStatus().isOk();
    }
}
