package be.biodiversity.portal.directory;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.testsupport.FieldRenamingFilter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays what render-service asks of directory-service (its Pact contract in contracts/pacts) against this service:
 * a change that removes or renames a field render-service reads fails this build.
 */
@Provider("directory-service")
@PactFolder("../contracts/pacts")
// Its own database, so the seed loaded at start is there as shipped.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.mongodb.database=directory-contract", "portal.editor.token=" + RenderServicePactVerificationTests.TOKEN })
@Import(FieldRenamingFilter.Configuration.class)
class RenderServicePactVerificationTests {

    static final String TOKEN = "render-service-contract";

    @LocalServerPort
    int port;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void renderServiceGetsWhatItReads(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    /** Seeded at start into this test's own, empty database (see the class's properties). */
    @State("the Belgian BIF members are seeded")
    void membersAreSeeded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), "organisations").block() >= 24);
    }

    /** People are not seeded: one current staff member with photo, roles and bio is added through the API. */
    @State("node staff are in the directory")
    void nodeStaffAreInTheDirectory() {
        String person = """
                {"slug": "an-peeters", "name": "An Peeters", "categories": ["NODE_STAFF"], "roles": ["Node manager"],
                 "bio": {"en": "Runs the node.", "nl": "Leidt het knooppunt."},
                 "photoUrl": "https://www.gbif.be/img/an-peeters.jpg", "current": true}""";
        HttpStatusCode status = WebClient.create("http://localhost:" + port).post().uri("/api/directory/v1/people")
            .header("Authorization", "Bearer " + TOKEN).contentType(MediaType.APPLICATION_JSON).bodyValue(person)
            .exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
            .block(Duration.ofSeconds(10));
        // 409: added for an earlier interaction
        assertThat(status.value()).isIn(201, 409);
    }
}
