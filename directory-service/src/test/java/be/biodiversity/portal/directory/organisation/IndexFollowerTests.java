package be.biodiversity.portal.directory.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Writes made by another instance of the service (here: straight to MongoDB, past this instance's
 * OrganisationService) reach this instance's search index through the change stream, so directory-service can run
 * several replicas on one MongoDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IndexFollowerTests {

    static final String API = "/api/directory/v1/organisations";

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    IndexFollower follower;

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk());
    }

    @Test
    void anotherInstancesInsertUpdateAndDeleteAreSearchable() {
        String key = "follower-" + System.nanoTime();
        Organisation written = new Organisation(key, key, "ZQXF", new Names("Zanzibar Quokka Foundation", null, null),
                Translations.NONE, null, Set.of(Role.PARTNER), OrganisationType.UNIVERSITY, "BE", null,
                "zanzibar quokka foundation", 0L, Instant.now(), Instant.now());
        applied(key, () -> mongo.insert(written).block());
        expectFirst("q=quokka", key);

        applied(key, () -> mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                new Update().set("names.en", "Zanzibar Wombat Foundation").set("sortName", "zanzibar wombat foundation")
                        .inc("version", 1), Organisation.class).block());
        expectFirst("q=wombat", key);

        applied(key, () -> mongo.remove(Query.query(Criteria.where("_id").is(key)), Organisation.class).block());
        client.get().uri(API + "?q=zanzibar&limit=0").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(0);
    }

    /** Makes the write and waits for the follower's signal that the index holds it (no waiting for a time). */
    private void applied(String key, Runnable write) {
        StepVerifier.create(follower.applied().filter(change -> key.equals(change.id())).next())
                .then(write)
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    private void expectFirst(String query, String key) {
        client.get().uri(API + "?" + query).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.results[0].key").isEqualTo(key);
    }
}
