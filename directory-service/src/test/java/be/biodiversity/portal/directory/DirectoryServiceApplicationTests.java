package be.biodiversity.portal.directory;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/** Same configuration as {@code OrganisationApiTests}, so both share one application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-token")
@AutoConfigureWebTestClient
class DirectoryServiceApplicationTests {

    @Autowired
    WebTestClient client;

    @Test
    void healthIsUpOnceSeededIncludingMongoDb() {
        // Seeding runs in the background after start; health says UP only once it is done, as a client waits for.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.seed.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.database").isEqualTo("directory"));
    }

    @Test
    void onlyHealthAndInfoAreExposed() {
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
    }
}
