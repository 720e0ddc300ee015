package be.biodiversity.portal.content.jekyll;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.content.language.SiteLanguages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import runs as a job (202 and a job to follow, editors only), replaces the site stored before — the demo loaded
 * into the empty database included — unless it is a merge, and stores the site's languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-import-jobs",
        "portal.content.load-demo=true" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class ImportJobTests {

    private static final String TOKEN = "Bearer test-editor-secret";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Languages languages;

    private static byte[] ownSite() {
        return Archives.zip(Archives.files(OwnSiteImportTests.SITE, "site-main/"));
    }

    private ImportController.ImportJobView job(String location) {
        return web.get().uri(location).header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isOk()
                .expectBody(ImportController.ImportJobView.class).returnResult().getResponseBody();
    }

    /** Asks for the job until it is no longer running (polled, never slept; at most a minute). */
    private ImportController.ImportJobView finished(String location) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(100)).onBackpressureDrop()
                .concatMap(i -> Mono.fromCallable(() -> job(location)).subscribeOn(Schedulers.boundedElastic()))
                .filter(j -> !ImportJob.RUNNING.equals(j.state())).blockFirst(Duration.ofSeconds(60));
    }

    private boolean found(String lang, String path) {
        return web.get().uri(uri -> uri.path("/api/content/v1/pages").queryParam("lang", lang).queryParam("path", path)
                .build()).exchange().returnResult(String.class).getStatus().value() == 200;
    }

    @Test
    void anImportIsAJobThatReplacesTheDemoAndStoresTheSitesLanguages() {
        assertThat(found("en", "/community")).as("the demo, loaded into the empty database").isTrue();

        WebTestClient.ResponseSpec answer = web.post().uri("/api/content/v1/imports?name=site.zip")
                .header(HttpHeaders.AUTHORIZATION, TOKEN).contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(ownSite()).exchange().expectStatus().isAccepted();
        String location = answer.returnResult(Map.class).getResponseHeaders().getLocation().toString();
        assertThat(location).matches("/api/content/v1/imports/[0-9a-f]{24}");

        ImportController.ImportJobView done = finished(location);
        assertThat(done.state()).isEqualTo(ImportJob.DONE);
        assertThat(done.report().imported()).isTrue();
        assertThat(done.report().errors()).isZero();
        assertThat(done.progress().documents()).isPositive();
        assertThat(done.progress().written()).isEqualTo(done.progress().documents() + done.report().deleted());
        assertThat(done.finishedAt()).isNotNull();

        assertThat(found("nl", "/nl/about")).isTrue();
        assertThat(found("en", "/community")).as("the demo page, gone with the import").isFalse();

        SiteLanguages stored = languages.stored(SiteLanguages.DEFAULT_SITE).block();
        assertThat(stored.defaultLanguage()).isEqualTo("en");
        assertThat(stored.languages()).containsExactlyInAnyOrder("en", "fr", "nl");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "siteLanguages").block())
                .isEqualTo(1);
    }

    @Test
    void theJobIsForEditorsOnly() {
        web.get().uri("/api/content/v1/imports/0123456789abcdef01234567").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/content/v1/imports/0123456789abcdef01234567").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/content/v1/imports/not-an-id").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void anUnsafeArchiveIsRefusedAtOnceWithoutAJob() {
        web.post().uri("/api/content/v1/imports?name=site.zip").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(Archives.zip(Map.of("../../outside.md", "---\n---\n".getBytes()))).exchange()
                .expectStatus().isBadRequest().expectHeader().doesNotExist(HttpHeaders.LOCATION);
    }
}
