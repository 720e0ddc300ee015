package be.biodiversity.portal.content.literature;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A record written by another instance (here: straight to MongoDB, past this instance's importer) is found by this
 * instance's literature search once its change arrives; and a removed one is gone. Waits on the follower's signal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LiteratureFollowerTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    LiteratureFollower follower;

    @Test
    void anotherInstancesWritesAreSearchable() {
        String id = "follower-" + System.nanoTime();
        LiteratureRecord record = new LiteratureRecord(id, "Quokkabiologie in Zeeland", List.of(), 2025, null,
                "JOURNAL", List.of(), List.of(), List.of(), true, true, null, List.of(), null, List.of(), false,
                LiteratureRecord.Origin.IMPORT, List.of(), null, null);
        applied(id, () -> mongo.insert(record).block());
        web.get().uri("/api/content/v1/literature?q=quokkabio").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1).jsonPath("$.results[0].id").isEqualTo(id);

        applied(id, () -> mongo.remove(Query.query(Criteria.where("_id").is(id)), LiteratureRecord.class).block());
        web.get().uri("/api/content/v1/literature?q=quokkabio").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(0);
    }

    private void applied(String id, Runnable write) {
        StepVerifier.create(follower.applied().filter(change -> id.equals(change.id())).next())
                .then(write)
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }
}
