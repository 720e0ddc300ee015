package be.biodiversity.portal.content.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of write puts in the change feed, read as render-service and the gateway read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-changes",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT120S")
class ChangesApiTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    SiteRevision revision;

    private static Map<String, Object> page(String permalink, String title, String status) {
        Map<String, Object> page = new HashMap<>(Map.of("lang", "nl", "permalink", permalink, "title", title,
                "body", "Tekst van " + title + "."));
        if (status != null) {
            page.put("status", status);
        }
        return page;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(Map<String, Object> page) {
        return web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN).bodyValue(page)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> put(Map<String, Object> current, Map<String, Object> page) {
        return web.put().uri("/api/content/v1/pages/" + current.get("id") + "?version=" + current.get("version"))
                .header(HttpHeaders.AUTHORIZATION, TOKEN).bodyValue(page).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private long current() {
        return revision.current().block().revision();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> since(long since) {
        return web.get().uri("/api/content/v1/changes?since=" + since).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The entries after {@code since} as "lang path removed" or "site", checking the answer is complete. */
    @SuppressWarnings("unchecked")
    private List<String> entries(long since) {
        Map<String, Object> answer = since(since);
        assertThat(answer).containsEntry("complete", true).containsEntry("more", false);
        assertThat(((Number) answer.get("revision")).longValue()).isEqualTo(current());
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("changes")) {
            out.add("site".equals(e.get("scope")) ? "site" : e.get("lang") + " " + e.get("path") + " " + e.get("removed"));
        }
        return out;
    }

    @Test
    void creatingAndEditingAPublishedPageListsItsPath() {
        long before = current();
        Map<String, Object> created = create(page("/nl/c1", "Een", null));
        assertThat(entries(before)).containsExactly("nl /nl/c1 false");
        long afterCreate = current();
        put(created, page("/nl/c1", "Twee", null));
        assertThat(entries(afterCreate)).containsExactly("nl /nl/c1 false");
    }

    @Test
    void aDraftIsNeverListedAndPublishingAndUnpublishingAre() {
        long before = current();
        Map<String, Object> draft = create(page("/nl/c2", "Geheim", "draft"));
        Map<String, Object> edited = put(draft, page("/nl/c2", "Nog geheim", "draft"));
        assertThat(current()).as("the revision still moves").isGreaterThan(before);
        assertThat(entries(before)).isEmpty();

        long beforePublish = current();
        Map<String, Object> published = put(edited, page("/nl/c2", "Openbaar", "published"));
        assertThat(entries(beforePublish)).containsExactly("nl /nl/c2 false");

        long beforeUnpublish = current();
        put(published, page("/nl/c2", "Terug", "draft"));
        assertThat(entries(beforeUnpublish)).containsExactly("nl /nl/c2 true");
    }

    @Test
    void deletingAPublishedPageListsItsPathAsRemoved() {
        Map<String, Object> created = create(page("/nl/c3", "Weg", null));
        long before = current();
        web.delete().uri("/api/content/v1/pages/" + created.get("id") + "?version=0")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isNoContent();
        assertThat(entries(before)).containsExactly("nl /nl/c3 true");
    }

    @Test
    void aPermalinkOrLanguageChangeListsTheOldPathRemovedAndTheNewOneInOneRevision() {
        Map<String, Object> created = create(page("/nl/c4", "Oud", null));
        long before = current();
        Map<String, Object> moved = put(created, page("/nl/c4-nieuw", "Nieuw", null));
        assertThat(entries(before)).containsExactly("nl /nl/c4 true", "nl /nl/c4-nieuw false");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) since(before).get("changes");
        assertThat(changes).extracting(c -> c.get("revision")).containsOnly(changes.get(0).get("revision"));
        assertThat(changes.get(0)).containsEntry("scope", "page").containsEntry("kind", "page");

        long beforeLang = current();
        Map<String, Object> french = page("/fr/c4", "Nouveau", null);
        french.put("lang", "fr");
        put(moved, french);
        assertThat(entries(beforeLang)).containsExactly("nl /nl/c4-nieuw true", "fr /fr/c4 false");
    }

    @Test
    void whatALanguageSwitchShowsChangesTheTranslationsToo() {
        Map<String, Object> en = page("/c7", "Team", null);
        en.putAll(Map.of("lang", "en", "translationKey", "c7"));
        create(en);
        Map<String, Object> nlPage = page("/nl/c7", "Ploeg", null);
        nlPage.put("translationKey", "c7");
        long beforeCreate = current();
        Map<String, Object> nl = create(nlPage);
        assertThat(entries(beforeCreate)).containsExactly("nl /nl/c7 false", "en /c7 false");

        long beforeBody = current();
        Map<String, Object> bodyOnly = new HashMap<>(nlPage);
        bodyOnly.put("body", "Andere tekst.");
        nl = put(nl, bodyOnly);
        assertThat(entries(beforeBody)).as("the body is not in the language switch").containsExactly("nl /nl/c7 false");

        long beforeRetitle = current();
        Map<String, Object> retitled = new HashMap<>(bodyOnly);
        retitled.put("title", "Het team");
        nl = put(nl, retitled);
        assertThat(entries(beforeRetitle)).containsExactly("nl /nl/c7 false", "en /c7 false");

        long beforeDelete = current();
        web.delete().uri("/api/content/v1/pages/" + nl.get("id") + "?version=" + nl.get("version"))
                .header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isNoContent();
        assertThat(entries(beforeDelete)).containsExactly("nl /nl/c7 true", "en /c7 false");
    }

    @Test
    void aStaleOrRefusedWriteListsNothing() {
        Map<String, Object> created = create(page("/nl/c5", "Een", null));
        put(created, page("/nl/c5", "Twee", null));
        long before = current();
        web.put().uri("/api/content/v1/pages/" + created.get("id") + "?version=0").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page("/nl/c5-weg", "Drie", null)).exchange().expectStatus().isEqualTo(409);
        web.post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(page("/nl/c5", "Dubbel", null)).exchange().expectStatus().isEqualTo(409);
        assertThat(current()).isEqualTo(before);
        assertThat(entries(before)).isEmpty();
    }

    @Test
    void aDataFileIsASiteWideChange() {
        long before = current();
        web.put().uri("/api/content/v1/data/changes-feed?lang=nl").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("source", "- title: Thuis\n  url: /nl/\n")).exchange().expectStatus().isCreated();
        assertThat(entries(before)).containsExactly("site");
    }

    @Test
    void aLiteratureImportIsASiteWideChange() {
        long before = current();
        web.post().uri("/api/content/v1/literature/imports").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("results", List.of(Map.of("id", "changes-lit-1", "title", "Een studie"))))
                .exchange().expectStatus().is2xxSuccessful();
        assertThat(entries(before)).containsExactly("site");
    }

    @Test
    void aPollerThatIsUpToDateGetsA304() {
        long now = current();
        web.get().uri("/api/content/v1/changes?since=" + now).header(HttpHeaders.IF_NONE_MATCH, "\"" + now + "\"")
                .exchange().expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + now + "\"");
        web.get().uri("/api/content/v1/changes?since=" + now).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + now + "\"")
                .expectBody().jsonPath("$.changes.length()").isEqualTo(0).jsonPath("$.complete").isEqualTo(true);
        create(page("/nl/c6", "Nieuw", null));
        web.get().uri("/api/content/v1/changes?since=" + now).header(HttpHeaders.IF_NONE_MATCH, "\"" + now + "\"")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.changes[0].path").isEqualTo("/nl/c6");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-1", "abc", "1.5", "+3", "0x10", "99999999999999999999", "1%200" })
    void aSinceThatIsNotANonNegativeWholeNumberIsA400NamingIt(String since) {
        web.get().uri("/api/content/v1/changes?since=" + since).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("since");
    }

    @Test
    void theOpenApiDocumentDescribesTheFeed() {
        web.get().uri("/api/content/v1/openapi").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/content/v1/changes'].get.summary").isEqualTo("Which public paths changed after a revision")
                .jsonPath("$.paths['/api/content/v1/changes'].get.parameters[0].name").isEqualTo("since");
    }

    @Test
    void aMissingSinceIsA400NamingIt() {
        web.get().uri("/api/content/v1/changes").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("since");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLongListComesInPagesOfAtMost1000EntriesNeverSplittingARevision() {
        long before = current();
        List<Change> removals = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            removals.add(Change.page("nl", "/nl/gone-" + i, "page", true));
        }
        // an import that removed 1200 pages and changed the site: 500 + 500 + 200 and the site entry
        revision.batch(reactor.core.publisher.Flux.fromIterable(removals)
                .concatMap(r -> revision.record(List.of(r))).then(revision.bump())).block();

        Map<String, Object> first = since(before);
        List<Map<String, Object>> firstChanges = (List<Map<String, Object>>) first.get("changes");
        assertThat(first).containsEntry("complete", true).containsEntry("more", true);
        assertThat(firstChanges).hasSize(1000);
        long through = ((Number) first.get("through")).longValue();
        assertThat(through).isEqualTo(((Number) firstChanges.get(999).get("revision")).longValue());

        Map<String, Object> second = since(through);
        List<Map<String, Object>> rest = (List<Map<String, Object>>) second.get("changes");
        assertThat(second).containsEntry("complete", true).containsEntry("more", false);
        assertThat(rest).hasSize(201);
        assertThat(rest.get(0)).containsEntry("path", "/nl/gone-1000");
        assertThat(rest.get(200)).containsEntry("scope", "site").doesNotContainKeys("path", "lang", "removed");
    }
}
