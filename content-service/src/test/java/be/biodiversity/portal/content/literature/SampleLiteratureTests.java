package be.biodiversity.portal.content.literature;

import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.content.revision.SiteRevision;

import static org.assertj.core.api.Assertions.assertThat;

/** The invented sample literature is never shown as real: loaded only when asked, and then marked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-secret")
@AutoConfigureWebTestClient
class SampleLiteratureTests {

    static final String A_SAMPLE_ID = "b1f0c1e2-0005-4a00-9000-000000000005";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    LiteratureImport importer;

    @Autowired
    ReactiveLiteratureLookup lookup;

    @Autowired
    LiteratureStartupImport startup;

    @Autowired
    JsonMapper json;

    @Autowired
    SiteRevision revision;

    @BeforeEach
    void empty() {
        mongo.dropCollection("literature").block();
    }

    long count() {
        return mongo.count(new Query(), "literature").block();
    }

    @Test
    void aStartDoesNotLoadTheSampleUnlessAsked() throws Exception {
        startup.run(null);

        assertThat(count()).isZero();
    }

    @Test
    void sampleRecordsAnEarlierStartLoadedAsRealAreRemoved() throws Exception {
        try (InputStream in = new ClassPathResource(LiteratureStartupImport.SAMPLE).getInputStream()) {
            importer.run(json.readValue(in, LiteratureImport.Upload.class)).block();
        }
        mongo.updateMulti(new Query(), new Update().unset("origin").unset("sample"), "literature").block();
        long before = revision.current().block().revision();

        startup.run(null);

        assertThat(count()).isZero();
        assertThat(revision.current().block().revision()).isGreaterThan(before);
    }

    @Test
    void whenAskedTheSampleIsLoadedWithEveryRecordMarkedSample() throws Exception {
        new LiteratureStartupImport(importer, lookup, new LiteratureProperties(true, null), json, mongo, revision)
                .run(null);

        assertThat(count()).isEqualTo(8);
        web.get().uri("/api/content/v1/literature/{id}", A_SAMPLE_ID).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sample").isEqualTo(true)
                .jsonPath("$.origin").doesNotExist();
        web.get().uri("/api/content/v1/literature?limit=20").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.length()").isEqualTo(8)
                .jsonPath("$.results[?(@.sample != true)]").isEmpty();
    }

    @Test
    void anUploadCannotPassItselfOffAsOrMarkRealRecordsAsSample() {
        web.post().uri("/api/content/v1/literature/imports").header("Authorization", "Bearer test-editor-secret")
                .bodyValue("{\"results\":[{\"id\":\"uploaded-1\",\"title\":\"Real\",\"sample\":true}]}")
                .header("Content-Type", "application/json")
                .exchange().expectStatus().isOk();

        web.get().uri("/api/content/v1/literature/uploaded-1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sample").isEqualTo(false);
    }
}
