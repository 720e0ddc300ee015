package be.biodiversity.portal.render.content;

import java.time.Duration;
import java.util.Map;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the site search page needs from content-service's site search: written into the same contract as
 * {@link ContentPactTests} ({@code render-service-content-service.json}), verified by content-service.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "content-service")
class SiteSearchPactTests {

    @Pact(consumer = "render-service")
    V4Pact aSiteSearch(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody();
        body.integerType("count", 1)
            .eachLike("results")
            .stringType("kind", "page")
            .stringValue("lang", "nl")
            .stringType("permalink", "/nl/community")
            .stringType("title", "Gemeenschap")
            .stringType("snippet", "Wie in België open biodiversiteitsdata deelt en gebruikt")
            .closeArray();
        return builder.given("the demo pages are indexed for the site search")
            .uponReceiving("a site search in Dutch")
            .method("GET")
            .path("/api/content/v1/search")
            .query("q=gemeenschap&lang=nl&offset=0&limit=10")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(body)
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aSiteSearch")
    void searchesTheSite(MockServer server) {
        SiteSearchClient.Results results = new SiteSearchClient(PactClients.webClient(server))
            .search("gemeenschap", "nl", 0, 10).block(Duration.ofSeconds(5));
        assertThat(results.total()).isPositive();
        assertThat(results.items()).allSatisfy((hit) -> {
            assertThat(hit.permalink()).startsWith("/nl/");
            assertThat(hit.title()).isNotBlank();
            assertThat(hit.snippet()).isNotNull();
        });
    }
}
