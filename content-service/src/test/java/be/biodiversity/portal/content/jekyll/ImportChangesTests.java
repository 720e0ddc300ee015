package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import puts in the change feed: the paths of the documents it changed while they are few, one
 * site-wide entry when it changed many or changed data files (plus every path it removed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-changes",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT120S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportChangesTests {

    @Autowired
    WebTestClient web;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    /** The content collections an import writes, and the histories it adds to. */
    private static final List<String> CONTENT = List.of("pages", "siteData", "siteIncludes", "siteAssets.files",
            "siteLanguages", "pageRevisions", "siteDataRevisions");

    private static Map<String, byte[]> site() {
        return new LinkedHashMap<>(Archives.files(OwnSiteImportTests.SITE, ""));
    }

    private Map<String, Object> upload(Map<String, byte[]> files) {
        return web.post().uri("/api/content/v1/imports?name=site.zip&wait=true").header(HttpHeaders.AUTHORIZATION, "Bearer test-editor-secret")
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(Archives.zip(files)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Every stored document of the content collections, by collection and id, as stored. */
    private Map<String, org.bson.Document> stored() {
        Map<String, org.bson.Document> all = new LinkedHashMap<>();
        for (String collection : CONTENT) {
            mongo.findAll(org.bson.Document.class, collection).toIterable()
                    .forEach(d -> all.put(collection + " " + d.get("_id"), d));
        }
        return all;
    }

    private long revision() {
        return ((Number) web.get().uri("/api/content/v1/revision").exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("revision")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> entries(long since) {
        Map<String, Object> answer = web.get().uri("/api/content/v1/changes?since=" + since).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).containsEntry("complete", true).containsEntry("more", false);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("changes")) {
            out.add("site".equals(e.get("scope")) ? "site" : e.get("lang") + " " + e.get("path") + " " + e.get("removed"));
        }
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aFirstImportWithDataFilesIsSiteWideAndARepeatedOneRecordsNothing() {
        long before = revision();
        upload(site());
        // one site-wide entry; pages other tests made in this database through the API are gone with the import,
        // which replaces the site, and listed as removed
        assertThat(entries(before)).containsOnlyOnce("site")
                .allSatisfy(entry -> assertThat(entry.equals("site") || entry.endsWith(" true")).as(entry).isTrue());
        long after = revision();
        upload(site());
        assertThat(revision()).isEqualTo(after);
    }

    @Test
    @Order(2)
    void anImportThatChangesAFewPagesListsTheirPaths() {
        Map<String, byte[]> files = site();
        String about = new String(files.get("en/about.md"), StandardCharsets.UTF_8);
        files.put("en/about.md", utf8(about + "\nOne more line.\n"));
        files.remove("nl/about.md");
        long before = revision();
        upload(files);
        // the English and French versions' language switch no longer offers the Dutch one
        assertThat(entries(before)).containsExactlyInAnyOrder("en /about false", "nl /nl/about true",
                "fr /fr/about false");
    }

    @Test
    @Order(3)
    void anImportThatChangesMoreThan200DocumentsIsOneSiteWideEntryPlusItsRemovals() {
        Map<String, byte[]> files = site();
        for (int i = 0; i < 201; i++) {
            files.put("en/generated-" + i + ".md", utf8("---\ntitle: Page " + i + "\npermalink: /generated-" + i
                    + "\n---\nText " + i + ".\n"));
        }
        files.remove("en/data.md");
        long before = revision();
        upload(files);
        assertThat(entries(before)).containsExactly("en /data true", "site");
    }

    @Test
    @Order(4)
    void aChangedDataFileMakesAnImportSiteWide() {
        Map<String, byte[]> files = site();
        files.put("_data/stats.yml", utf8("occurrences: 54321\npublishers: 42\n"));
        long before = revision();
        upload(files);
        List<String> entries = entries(before);
        assertThat(entries).contains("site").allMatch(e -> e.equals("site") || e.endsWith(" true"));
    }

    @Test
    @Order(5)
    void reImportingWithOneFileChangedWritesThatOneDocumentAndItsRevisionOnly() {
        upload(site());
        Map<String, org.bson.Document> before = stored();
        long revision = revision();
        Map<String, Object> unchanged = upload(site());
        assertThat(unchanged).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("deleted", 0);
        assertThat(stored()).as("an unchanged re-import writes nothing").isEqualTo(before);
        assertThat(revision()).isEqualTo(revision);

        Map<String, byte[]> files = site();
        files.put("en/about.md", utf8(new String(files.get("en/about.md"), StandardCharsets.UTF_8) + "\nOne line more.\n"));
        Map<String, Object> report = upload(files);

        assertThat(report).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("deleted", 0);
        Map<String, org.bson.Document> after = stored();
        List<String> changed = new ArrayList<>();
        after.forEach((key, document) -> {
            if (!document.equals(before.get(key))) {
                changed.add(key.startsWith("pageRevisions ") ? "pageRevisions of " + document.get("pageId") + " v"
                        + document.get("version") : key.startsWith("pages ") ? "pages " + document.get("permalink") : key);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> changed.add("gone: " + key));
        String about = after.values().stream().filter(d -> "/about".equals(d.get("permalink"))
                && "en".equals(d.get("lang"))).map(d -> String.valueOf(d.get("_id"))).findFirst().orElseThrow();
        org.bson.Document aboutBefore = before.get("pages " + about);
        long version = ((Number) aboutBefore.get("version")).longValue();
        // the new version's revision; and the first time it changes, the imported version the page carried itself
        List<String> expected = new ArrayList<>(List.of("pages /about", "pageRevisions of " + about + " v" + (version + 1)));
        if (Boolean.TRUE.equals(aboutBefore.get("historyPending"))) {
            expected.add("pageRevisions of " + about + " v" + version);
        }
        assertThat(changed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(revision()).as("the site revision moves once").isEqualTo(revision + 1);
        assertThat(entries(revision)).containsExactly("en /about false");
    }

    @Test
    @Order(6)
    void aConfigChangeThatChangesNoPageRewritesOnlyTheConfig() {
        upload(site());
        Map<String, org.bson.Document> before = stored();
        Map<String, byte[]> files = site();
        files.put("_config.yml", utf8(new String(files.get("_config.yml"), StandardCharsets.UTF_8)
                .replace("title: Test portal", "title: Test portal, renamed")));
        Map<String, Object> report = upload(files);

        assertThat(report).containsEntry("updated", 1).containsEntry("created", 0).containsEntry("deleted", 0);
        Map<String, org.bson.Document> after = stored();
        List<String> changed = new ArrayList<>();
        after.forEach((key, document) -> {
            if (!document.equals(before.get(key))) {
                changed.add(key.startsWith("siteDataRevisions ") ? "siteDataRevisions of " + document.get("dataId")
                        : key.startsWith("siteData ") ? "siteData " + document.get("name") : key);
            }
        });
        assertThat(changed).as("the pages stay as they were").hasSize(2).contains("siteData _config")
                .anyMatch(c -> c.startsWith("siteDataRevisions of "));
    }
}
