package be.biodiversity.portal.render.directory;

import java.net.URI;
import java.time.Duration;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.config.ProviderClients;
import org.junit.jupiter.api.AfterEach;
import org.springframework.web.reactive.function.client.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DirectoryClient} against a stub serving directory-service's documented JSON examples.
 */
class DirectoryClientTests {

    private static final String MEMBERS = "/api/directory/v1/organisations?role=MEMBER&limit=1000";

    private ProviderStub stub;

    private DirectoryClient client;

    @BeforeEach
    void startStub() {
        this.stub = ProviderStub.start()
            .json(MEMBERS, "contracts/directory/organisations-member.json")
            .json("/api/directory/v1/organisations?role=PARTNER&limit=1000",
                    "contracts/directory/organisations-partner.json");
        this.client = clientOf(this.stub.baseUrl(), Duration.ofSeconds(1));
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    @Test
    void readsOrganisationsOfARole() {
        StepVerifier.create(this.client.organisations("MEMBER")).assertNext((organisations) -> {
            assertThat(organisations).extracting(Organisation::slug)
                .containsExactly("rbins", "meise", "inbo", "rmca", "spw-demna");
            Organisation rbins = organisations.get(0);
            assertThat(rbins.key()).isEqualTo("6f1c2a9e-3b1d-4c0e-9a57-0d6a2f1b7c01");
            assertThat(rbins.acronym()).isEqualTo("RBINS");
            assertThat(rbins.homepage()).isEqualTo("https://www.naturalsciences.be");
            assertThat(rbins.names()).containsEntry("nl", "Koninklijk Belgisch Instituut voor Natuurwetenschappen")
                .containsEntry("fr", "Institut royal des Sciences naturelles de Belgique")
                .containsEntry("en", "Royal Belgian Institute of Natural Sciences");
        }).verifyComplete();
        assertThat(this.stub.requests()).containsExactly("/api/directory/v1/organisations?limit=1000&role=MEMBER");
    }

    @Test
    void readsOrganisationWithMissingNames() {
        StepVerifier.create(this.client.organisations("PARTNER"))
            .assertNext((organisations) -> assertThat(organisations.get(0).names()).containsOnlyKeys("en"))
            .verifyComplete();
    }

    @Test
    void aKeyTheDirectoryRefusesIsNoOrganisationNotAnOutage() {
        this.stub.respond("/api/directory/v1/organisations/not-a-key", 400, "application/problem+json",
                "{\"status\":400,\"field\":\"key\",\"detail\":\"key must be a UUID in lower case\"}");
        StepVerifier.create(this.client.organisation("not-a-key")).verifyComplete();
    }

    @Test
    void passesOnServerErrors() {
        this.stub.failWith(500);
        StepVerifier.create(this.client.organisations("MEMBER")).expectError().verify();
    }

    @Test
    void passesOnRefusedConnections() {
        ProviderStub gone = ProviderStub.start();
        String url = gone.baseUrl();
        gone.close();
        StepVerifier.create(clientOf(url, Duration.ofSeconds(1)).organisations("MEMBER")).expectError().verify();
    }

    @Test
    void givesUpOnSlowAnswers() {
        this.stub.delayBy(Duration.ofSeconds(5));
        StepVerifier.create(clientOf(this.stub.baseUrl(), Duration.ofMillis(200)).organisations("MEMBER"))
            .expectError()
            .verify(Duration.ofSeconds(4));
    }

    private static DirectoryClient clientOf(String url, Duration responseTimeout) {
        return new DirectoryClient(ProviderClients.create(WebClient.builder(),
                new PortalProperties.Provider(URI.create(url), Duration.ofSeconds(1), responseTimeout, null)));
    }

}
