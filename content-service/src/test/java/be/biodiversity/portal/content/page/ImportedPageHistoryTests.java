package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.content.revision.SiteRevision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page an import creates carries its own first revision: nothing is written to the history for it, yet its
 * history lists the import, shows it and restores it, and once the page is changed or deleted that first version is
 * written to the history like any other — nothing of it is lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.mongodb.database=content-imported-history", "portal.content.load-demo=false",
                "portal.editor.token=history-secret" })
@AutoConfigureWebTestClient
class ImportedPageHistoryTests {

    private static final String TOKEN = "Bearer history-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    PageWriter writer;

    @Autowired
    PageService pages;

    @Autowired
    SiteRevision revision;

    @Autowired
    ReactiveMongoTemplate mongo;

    private static NewPage page(String permalink, String title) {
        return new NewPage("nl", permalink, null, title, null, null, null, "Tekst van " + title + ".", null,
                Page.PAGE, null, null, null, Page.PUBLISHED);
    }

    private Page imported(String permalink, String title) {
        revision.batch(writer.importPages(List.of(new PageWriter.Imported(page(permalink, title), null,
                "nl" + permalink + ".md", "hash-" + title)), "importer")).block();
        return pages.find("nl", permalink, false).block();
    }

    private long revisionsStored(String id) {
        return mongo.count(Query.query(Criteria.where("pageId").is(id)), PageRevision.class).block();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String id, boolean editor) {
        WebTestClient.RequestHeadersSpec<?> get = web.get().uri("/api/content/v1/pages/" + id + "/revisions");
        if (editor) {
            get = get.header(HttpHeaders.AUTHORIZATION, TOKEN);
        }
        return (List<Map<String, Object>>) (List<?>) get.exchange().expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody();
    }

    private List<String> steps(String id) {
        return history(id, true).stream().map(e -> e.get("action") + " " + e.get("version") + " " + e.get("author"))
                .toList();
    }

    private String titleAt(String id, long version) {
        return (String) web.get().uri("/api/content/v1/pages/" + id + "/revisions/" + version)
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("title");
    }

    private void restore(String id, long version, long current) {
        web.post().uri("/api/content/v1/pages/" + id + "/revisions/" + version + "/restore?version=" + current)
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk();
    }

    @Test
    void anImportedPageIsItsOwnFirstRevisionUntilAnEditorChangesIt() {
        Page page = imported("/imported-edit", "Geimporteerd");
        assertThat(revisionsStored(page.id())).as("no history written by the import").isZero();
        assertThat(steps(page.id())).containsExactly("import 0 importer");
        assertThat(history(page.id(), false)).as("visitors see the published import").hasSize(1);
        assertThat(titleAt(page.id(), 0)).isEqualTo("Geimporteerd");

        web.put().uri("/api/content/v1/pages/" + page.id() + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("lang", "nl", "permalink", "/imported-edit", "title", "Bewerkt", "body", "Nieuw."))
                .exchange().expectStatus().isOk();
        assertThat(revisionsStored(page.id())).as("the import's version written when the page changed").isEqualTo(2);
        assertThat(steps(page.id())).containsExactly("update 1 editor", "import 0 importer");
        assertThat(titleAt(page.id(), 0)).isEqualTo("Geimporteerd");
        assertThat(titleAt(page.id(), 1)).isEqualTo("Bewerkt");

        restore(page.id(), 0, 1);
        Page restored = pages.find("nl", "/imported-edit", false).block();
        assertThat(restored.title()).isEqualTo("Geimporteerd");
        assertThat(restored.body()).isEqualTo("Tekst van Geimporteerd.");
        assertThat(steps(page.id())).containsExactly("restore 2 editor", "update 1 editor", "import 0 importer");
    }

    @Test
    void aDeletedImportedPageKeepsItsImportAndComesBack() {
        Page page = imported("/imported-delete", "Weg");
        web.delete().uri("/api/content/v1/pages/" + page.id() + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isNoContent();
        assertThat(steps(page.id())).containsExactly("delete 0 editor", "import 0 importer");

        restore(page.id(), 0, 0);
        assertThat(pages.find("nl", "/imported-delete", false).block().title()).isEqualTo("Weg");
    }

    @Test
    void aReImportThatChangesTheImportedPageKeepsBothVersions() {
        Page page = imported("/imported-twice", "Eerst");
        Page stored = pages.stored().filter(p -> "/imported-twice".equals(p.permalink())).blockFirst();
        revision.batch(writer.importPages(List.of(new PageWriter.Imported(page("/imported-twice", "Daarna"), stored,
                "nl/imported-twice.md", "hash-Daarna")), "importer")).block();
        assertThat(steps(page.id())).containsExactly("import 1 importer", "import 0 importer");
        assertThat(titleAt(page.id(), 0)).isEqualTo("Eerst");
        assertThat(titleAt(page.id(), 1)).isEqualTo("Daarna");
    }
}
