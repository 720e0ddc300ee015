package be.biodiversity.portal.render.content;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a content-service that has no change feed yet (404), its revision alone is followed, every new one taken as
 * a site-wide change (the cache tests cover the feed itself).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.cache.revision-poll=1h")
@AutoConfigureWebTestClient
class ContentChangesTests {

    private static final String PAGE = "/api/content/v1/pages?lang=nl&path=/nl/over";

    static final ProviderStub content = ProviderStub.start().json(PAGE, "contracts/content/page-minimal.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", content::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ContentChanges changes;

    @AfterAll
    static void stop() {
        content.close();
    }

    @Test
    void withoutAFeedANewRevisionRendersPagesAgainAndWithTheFeedOnlyWhatChanged() {
        revision(7);
        get();
        long asked = asked();
        get();
        assertThat(asked()).as("kept").isEqualTo(asked);

        revision(8);
        assertThat(content.requests()).contains("/api/content/v1/changes?since=7");
        get();
        assertThat(asked()).as("content-service has no feed (404): a new revision is a site-wide change")
            .isEqualTo(asked + 1);
    }

    private void revision(long number) {
        content.respond("/api/content/v1/revision", 200, "application/json", "{\"revision\": " + number + "}");
        assertThat(changes.read().block(Duration.ofSeconds(5))).isEqualTo(number);
    }

    private void get() {
        web.get().uri("/nl/over").exchange().expectStatus().isOk();
    }

    private long asked() {
        return content.requests().stream().filter(PAGE::equals).count();
    }
}
