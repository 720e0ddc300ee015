package be.biodiversity.portal.content.page;

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

/** Writes whose Liquid reads files or goes over a limit are refused naming the field, the line and the limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class LiquidWriteTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private List<Long> database() {
        return List.of("pages", "pageRevisions", "siteData", "siteDataRevisions", "siteRevision").stream()
                .map(c -> mongo.count(new Query(), c).block()).toList();
    }

    private WebTestClient.ResponseSpec create(String permalink, String body) {
        return web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("lang", "en", "permalink", permalink, "title", "T", "body", body)).exchange();
    }

    private WebTestClient.ResponseSpec putData(String name, String source, Long version) {
        return web.put().uri("/api/content/v1/data/" + name).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(version == null ? Map.of("source", source) : Map.of("source", source, "version", version))
                .exchange();
    }

    @Test
    void aWriteWhoseIncludeReadsAFileIsRefusedWithFieldAndLine() {
        List<Long> before = database();
        create("/en/passwd", "Intro\n\n{% include /etc/passwd %}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("body")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 3").contains("{% include /etc/passwd %}"));
        create("/en/environ", "{% include_relative /proc/self/environ %}").expectStatus().isBadRequest();
        create("/en/unknown", "{% include nothing-here.html %}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("nothing-here.html"));
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("lang", "en", "permalink", "/en/fm", "title", "T", "body", "x",
                        "frontMatter", Map.of("cta", List.of(Map.of("text", "{% include ../../etc/hosts %}")))))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").value(f -> assertThat((String) f).startsWith("frontMatter.cta"));
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void aWriteOverALiquidLimitIsRefusedNamingTheLimit() {
        List<Long> before = database();
        create("/en/doubling", "{% assign s = \"0123456789\" %}" + "{% assign s = s | append: s %}".repeat(26))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("body")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("portal.content.liquid.max-string-length"));
        create("/en/loop", "{% for i in (1..1000000000) %}{{ i }}{% endfor %}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("max-iterations"));
        assertThat(database()).isEqualTo(before);
    }

    @Autowired
    be.biodiversity.portal.content.data.DataWriter dataWriter;

    @Autowired
    be.biodiversity.portal.content.data.SiteDataService siteData;

    @Test
    void aPageThatNoLongerResolvesAnswersAClearErrorNotA500() {
        putData("grid", "rows: [1, 2, 3]\n", null).expectStatus().isCreated();
        create("/en/grid", "{% for a in site.data.grid.rows %}{% for b in site.data.grid.rows %}{{ a }}{% endfor %}{% endfor %}")
                .expectStatus().isCreated();
        web.get().uri("/api/content/v1/pages?lang=en&path=/en/grid").exchange().expectStatus().isOk();
        StringBuilder rows = new StringBuilder("rows:\n");
        for (int i = 0; i < 400; i++) {
            rows.append("  - ").append(i).append('\n');
        }
        // an editor's data write that arms the page is refused, naming it
        putData("grid", rows.toString(), 0L).expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("/en/grid").contains("max-iterations"));
        // the importer stores what it reads (its own checks aside): the page answers a clear error on every read
        dataWriter.importFile("grid", "", rows.toString(), siteData.stored("grid", "").block(), null, null, "importer")
                .block();
        for (int read = 0; read < 2; read++) {
            web.get().uri("/api/content/v1/pages?lang=en&path=/en/grid").exchange().expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("max-iterations"));
        }
    }

    @Test
    void dataFilesAreRefusedOverTheExpansionLimitOrWithUnsafeMarkup() {
        List<Long> before = database();
        StringBuilder bomb = new StringBuilder("l0: &l0 [\"0123456789\", \"0123456789\"]\n");
        for (int i = 1; i <= 20; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        putData("bomb", bomb.toString(), null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("source")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 17")
                        .contains("portal.content.yaml.max-expanded-size"));
        putData("footer", "text: hi\nhtml: <a href=\"javascript:alert(1)\">x</a>\n", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("source")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 2").contains("unsafe markup"));
        assertThat(database()).isEqualTo(before);
        putData("dupes", "email: a@x.org\nemail: b@x.org\n", null).expectStatus().isCreated();
        web.get().uri("/api/content/v1/data/dupes").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content.email").isEqualTo("b@x.org");
    }
}
