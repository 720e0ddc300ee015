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
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

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

    /** The site search indexes in the background after start: waits (polling, at most a minute) until it has them. */
    @State("the demo pages are indexed for the site search")
    void demoPagesAreIndexed() {
        WebClient client = WebClient.create("http://localhost:" + port);
        Long found = Mono.defer(() -> client.get().uri("/api/content/v1/search?q=gemeenschap&lang=nl&limit=0")
                        .retrieve().bodyToMono(Map.class))
                .map(answer -> ((Number) answer.get("count")).longValue())
                .filter(count -> count > 0)
                .repeatWhenEmpty(600, tries -> tries.delayElements(Duration.ofMillis(100)))
                .block(Duration.ofSeconds(90));
        assertThat(found).as("demo pages found by the site search").isPositive();
    }

    @State("the sample literature is loaded")
    void sampleLiteratureIsLoaded() {
        assertThat(mongo.count(new Query(), "literature").block()).as("sample literature").isPositive();
    }
}
