package be.biodiversity.portal.directory.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryClientTests {

    final RegistryStub registry = new RegistryStub();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void readsEveryPageUntilEndOfRecordsWithTheConfiguredQuery() {
        StepVerifier.create(client(Duration.ofSeconds(2)).organisations().map(RegistryOrganisation::title))
                .expectNext("Meise Botanic Garden", "Vlaamse Vereniging voor Veldbiologie",
                        "Société d'Études Floristiques de Wallonie")
                .verifyComplete();
        assertThat(registry.requests).containsExactly("/v1/organization?country=BE&offset=0&limit=2",
                "/v1/organization?country=BE&offset=2&limit=2");
    }

    @Test
    void retriesAPageAfterAServerErrorOrATimeout() {
        registry.fail(2, 1, 503);
        registry.stall(0, 1);
        StepVerifier.create(client(Duration.ofMillis(300)).organisations().count())
                .expectNext(3L)
                .verifyComplete();
        assertThat(registry.requests).hasSize(4);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        registry.fail(2, 10, 502);
        StepVerifier.create(client(Duration.ofSeconds(2)).organisations().count())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(WebClientResponseException.class)
                        .hasMessageContaining("502"))
                .verify(Duration.ofSeconds(10));
        // page 0 once, page 2 once and three retries
        assertThat(registry.requests).hasSize(1 + 1 + 3);
    }

    @Test
    void doesNotRetryAClientError() {
        registry.fail(0, 10, 400);
        StepVerifier.create(client(Duration.ofSeconds(2)).organisations())
                .expectError(WebClientResponseException.BadRequest.class)
                .verify(Duration.ofSeconds(10));
        assertThat(registry.requests).hasSize(1);
    }

    private RegistryClient client(Duration timeout) {
        return new RegistryClient(new RegistryProperties(true, URI.create(registry.baseUrl()),
                Map.of("country", "BE"), 2, Duration.ofSeconds(1), timeout, 3, Duration.ofMillis(10)));
    }
}
