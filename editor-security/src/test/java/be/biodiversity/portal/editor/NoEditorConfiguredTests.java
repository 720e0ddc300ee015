package be.biodiversity.portal.editor;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Without any editor token every write is refused, with the same 401 whatever the request carries. */
@SpringBootTest(classes = NoEditorConfiguredTests.Plain.class, properties = "portal.editor.token=")
@AutoConfigureWebTestClient
class NoEditorConfiguredTests {

    @Autowired
    WebTestClient web;

    @Test
    void everyWriteIsRefusedTheSameWay() {
        for (String header : new String[] { null, "Bearer ", "Bearer anything", "Basic ZWRpdG9yOg==" }) {
            var request = web.post().uri("/things").contentType(MediaType.APPLICATION_JSON);
            if (header != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, header);
            }
            request.bodyValue("{}").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
                    .expectBody().jsonPath("$.detail")
                    .value(d -> assertThat((String) d).startsWith("Writes are disabled: no editor token is configured"));
        }
    }

    /** An application that declares no editor-only read at all. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(EditorSecurityTests.Things.class)
    static class Plain {
    }

    @Test
    void readsStayPublic() {
        web.get().uri("/things").exchange().expectStatus().isOk();
    }
}
