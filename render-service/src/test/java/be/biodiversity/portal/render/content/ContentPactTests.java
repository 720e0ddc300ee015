package be.biodiversity.portal.render.content;

import java.time.Duration;
import java.util.Map;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
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
 * What render-service needs from content-service, as a consumer-driven contract. Running it writes
 * {@code contracts/pacts/render-service-content-service.json}, which content-service's build verifies.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "content-service")
class ContentPactTests {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Pact(consumer = "render-service")
    V4Pact aPageByPath(PactDslWithProvider builder) {
        PactDslJsonBody page = new PactDslJsonBody();
        page.stringValue("lang", "nl")
            .stringValue("permalink", "/nl/community")
            .stringType("translationKey", "community")
            .stringType("title", "Gemeenschap")
            .stringType("description", "Wie in België open biodiversiteitsdata deelt en gebruikt")
            .stringType("heroImage", "/assets/portal/hero-community.svg")
            .stringType("heroImageCredit", "Illustratie: GBIF.be-portaalteam")
            .stringType("body", "## Wie we zijn")
            .object("frontMatter")
            .eachLike("directoryBlocks")
            .stringType("role", "MEMBER")
            .stringType("title", "Belgische BIF-leden")
            .closeArray()
            .closeObject();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the Dutch community page")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("lang=nl&path=/nl/community")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(page)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact noPageAtAPath(PactDslWithProvider builder) {
        return builder.given("the demo pages are loaded")
            .uponReceiving("a page that does not exist")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("lang=nl&path=/nl/nothing-here")
            .willRespondWith()
            .status(404)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theTranslationsOfAPage(PactDslWithProvider builder) {
        PactDslJsonArray translations = PactDslJsonArray.arrayMinLike(3)
            .stringType("lang", "nl")
            .stringType("permalink", "/nl/community")
            .stringType("title", "Gemeenschap")
            .closeObject()
            .asArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the translations of the community page")
            .method("GET")
            .path("/api/content/v1/pages/translations")
            .query("key=community")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(translations)
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aPageByPath")
    void readsAPage(MockServer server) {
        Page page = client(server).page("nl", "/nl/community").block(Duration.ofSeconds(5));
        assertThat(page.title()).isEqualTo("Gemeenschap");
        assertThat(page.translationKey()).isEqualTo("community");
        assertThat(page.heroImageCredit()).isNotBlank();
        assertThat(page.directoryBlocks()).extracting(Page.DirectoryBlock::role).containsExactly("MEMBER");
    }

    @Test
    @PactTestFor(pactMethod = "noPageAtAPath")
    void readsTheAbsenceOfAPage(MockServer server) {
        assertThat(client(server).page("nl", "/nl/nothing-here").blockOptional(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    @PactTestFor(pactMethod = "theTranslationsOfAPage")
    void readsTheTranslations(MockServer server) {
        assertThat(client(server).translations("community").block(Duration.ofSeconds(5))).hasSize(3)
            .allSatisfy((t) -> assertThat(t.permalink()).startsWith("/"));
    }

    private static ContentClient client(MockServer server) {
        return new ContentClient(PactClients.webClient(server));
    }

}
