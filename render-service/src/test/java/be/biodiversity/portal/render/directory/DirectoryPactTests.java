package be.biodiversity.portal.render.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import be.biodiversity.portal.render.content.PactClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What render-service needs from directory-service, as a consumer-driven contract. Running it writes
 * {@code contracts/pacts/render-service-directory-service.json}, which directory-service's build verifies.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "directory-service")
class DirectoryPactTests {

    @Pact(consumer = "render-service")
    V4Pact theMembers(PactDslWithProvider builder) {
        PactDslJsonBody page = new PactDslJsonBody();
        page.minArrayLike("results", 12)
            .uuid("key", "31bde907-54e0-36d2-9c71-172b30357686")
            .stringType("slug", "rbins")
            .object("names")
            .stringType("en", "Royal Belgian Institute of Natural Sciences")
            .closeObject()
            .closeArray();
        return builder.given("the Belgian BIF members are seeded")
            .uponReceiving("the organisations that are members")
            .method("GET")
            .path("/api/directory/v1/organisations")
            .query("role=MEMBER&limit=1000")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(page)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact howManyMembers(PactDslWithProvider builder) {
        return builder.given("the Belgian BIF members are seeded")
            .uponReceiving("the number of members")
            .method("GET")
            .path("/api/directory/v1/organisations")
            .query("role=MEMBER&limit=0")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(new PactDslJsonBody().integerType("count", 12))
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact aSearchWithFacets(PactDslWithProvider builder) {
        PactDslJsonBody page = new PactDslJsonBody();
        page.integerType("count", 24);
        page.minArrayLike("results", 1)
            .uuid("key", "31bde907-54e0-36d2-9c71-172b30357686")
            .stringType("type", "FEDERAL_INSTITUTE")
            .eachLike("roles", au.com.dius.pact.consumer.dsl.PactDslJsonRootValue.stringType("MEMBER"))
            .object("names")
            .stringType("en", "Royal Belgian Institute of Natural Sciences")
            .closeObject()
            .closeObject()
            .closeArray();
        page.minArrayLike("facets", 1)
            .stringType("field", "ROLE")
            .eachLike("counts")
            .stringType("name", "MEMBER")
            .integerType("count", 12)
            .closeArray()
            .closeObject()
            .closeArray();
        return builder.given("the Belgian BIF members are seeded")
            .uponReceiving("a publisher search with facets")
            .method("GET")
            .path("/api/directory/v1/organisations")
            .query("facet=role&facet=type&facet=country&offset=0&limit=20")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(page)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact oneOrganisation(PactDslWithProvider builder) {
        PactDslJsonBody organisation = new PactDslJsonBody();
        organisation.stringValue("key", "31bde907-54e0-36d2-9c71-172b30357686")
            .stringType("acronym", "RBINS")
            .stringType("homepage", "https://www.naturalsciences.be/en")
            .stringType("type", "FEDERAL_INSTITUTE")
            .object("names")
            .stringType("en", "Royal Belgian Institute of Natural Sciences")
            .closeObject();
        organisation.eachLike("roles", au.com.dius.pact.consumer.dsl.PactDslJsonRootValue.stringType("MEMBER"));
        return builder.given("the Belgian BIF members are seeded")
            .uponReceiving("one organisation by its key")
            .method("GET")
            .path("/api/directory/v1/organisations/31bde907-54e0-36d2-9c71-172b30357686")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(organisation)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theOrganisationsOfAType(PactDslWithProvider builder) {
        PactDslJsonBody page = new PactDslJsonBody();
        page.minArrayLike("results", 1)
            .uuid("key", "31bde907-54e0-36d2-9c71-172b30357686")
            .stringValue("type", "FEDERAL_INSTITUTE")
            .object("names")
            .stringType("en", "Royal Belgian Institute of Natural Sciences")
            .closeObject()
            .closeObject()
            .closeArray();
        return builder.given("the Belgian BIF members are seeded")
            .uponReceiving("the organisations of a type")
            .method("GET")
            .path("/api/directory/v1/organisations")
            .query("type=FEDERAL_INSTITUTE&limit=1000")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(page)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theNodeStaff(PactDslWithProvider builder) {
        PactDslJsonBody page = new PactDslJsonBody();
        page.minArrayLike("results", 1)
            .uuid("key", "5b0c6a53-8a4e-4b52-9d6e-0a1b2c3d4e01")
            .stringType("name", "An Peeters")
            .booleanType("current", true)
            .stringType("photoUrl", "https://www.gbif.be/img/an-peeters.jpg")
            .eachLike("roles", au.com.dius.pact.consumer.dsl.PactDslJsonRootValue.stringType("Node manager"))
            .object("bio")
            .stringType("en", "Runs the node.")
            .stringType("nl", "Leidt het knooppunt.")
            .closeObject()
            .closeObject()
            .closeArray();
        return builder.given("node staff are in the directory")
            .uponReceiving("the node staff, current and former")
            .method("GET")
            .path("/api/directory/v1/people")
            .query("category=NODE_STAFF&limit=1000")
            .willRespondWith()
            .status(200)
            .headers(Map.of("Content-Type", "application/json"))
            .body(page)
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "theOrganisationsOfAType")
    void readsTheOrganisationsOfAType(MockServer server) {
        List<Organisation> institutes = new DirectoryClient(PactClients.webClient(server))
            .organisations(null, "FEDERAL_INSTITUTE").block(Duration.ofSeconds(5));
        assertThat(institutes).isNotEmpty().allSatisfy((o) -> {
            assertThat(o.key()).isNotBlank();
            assertThat(o.name("nl")).isNotBlank();
        });
    }

    @Test
    @PactTestFor(pactMethod = "theNodeStaff")
    void readsTheNodeStaff(MockServer server) {
        List<Person> staff = new DirectoryClient(PactClients.webClient(server)).people("NODE_STAFF", null)
            .block(Duration.ofSeconds(5));
        assertThat(staff).isNotEmpty().allSatisfy((person) -> {
            assertThat(person.name()).isNotBlank();
            assertThat(person.roleList()).isNotEmpty();
            assertThat(person.bio("nl")).isNotBlank();
            assertThat(person.photoUrl()).startsWith("http");
            assertThat(person.isCurrent()).isTrue();
        });
    }

    @Test
    @PactTestFor(pactMethod = "aSearchWithFacets")
    void searchesThePublishers(MockServer server) {
        DirectoryClient.OrganisationPage page = new DirectoryClient(PactClients.webClient(server))
            .search(Map.of(), 0, 20).block(Duration.ofSeconds(5));
        assertThat(page.total()).isPositive();
        assertThat(page.items()).allSatisfy((o) -> assertThat(o.roleList()).isNotEmpty());
        assertThat(page.facetList()).isNotEmpty();
    }

    @Test
    @PactTestFor(pactMethod = "oneOrganisation")
    void readsOneOrganisation(MockServer server) {
        Organisation rbins = new DirectoryClient(PactClients.webClient(server))
            .organisation("31bde907-54e0-36d2-9c71-172b30357686").block(Duration.ofSeconds(5));
        assertThat(rbins.name("nl")).isNotBlank();
        assertThat(rbins.type()).isNotBlank();
    }

    @Test
    @PactTestFor(pactMethod = "howManyMembers")
    void countsTheMembers(MockServer server) {
        assertThat(new DirectoryClient(PactClients.webClient(server)).count("MEMBER").block(Duration.ofSeconds(5)))
            .isEqualTo(12);
    }

    @Test
    @PactTestFor(pactMethod = "theMembers")
    void readsTheOrganisationsOfARole(MockServer server) {
        List<Organisation> members = new DirectoryClient(PactClients.webClient(server)).organisations("MEMBER")
            .block(Duration.ofSeconds(5));
        assertThat(members).hasSizeGreaterThanOrEqualTo(12);
        // acronym and homepage are optional: the community page shows them when they are there
        assertThat(members.get(0).name("nl")).isEqualTo("Royal Belgian Institute of Natural Sciences");
    }

}
