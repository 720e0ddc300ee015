package be.biodiversity.portal.content;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import be.biodiversity.portal.testsupport.FieldRenamingFilter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays what render-service asks of content-service (its Pact contract in contracts/pacts) against this service:
 * a change that removes or renames a field render-service reads fails this build.
 */
@Provider("content-service")
@PactFolder("../contracts/pacts")
// Its own database, so the demo content and sample literature loaded at start are there as shipped (the sample only
// when asked: portal.content.literature.sample).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.mongodb.database=content-contract", "portal.content.literature.sample=true" })
@Import(FieldRenamingFilter.Configuration.class)
class RenderServicePactVerificationTests {

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

    /** Loaded at start into this test's own, empty database (see the class's properties). */
    @State("the demo pages are loaded")
    void demoPagesAreLoaded() {
        assertThat(mongo.count(new Query(), "pages").block()).as("demo pages").isPositive();
    }

    @State("the sample literature is loaded")
    void sampleLiteratureIsLoaded() {
        assertThat(mongo.count(new Query(), "literature").block()).as("sample literature").isPositive();
    }
}
