package be.biodiversity.portal.directory.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import be.biodiversity.portal.directory.gbif.GbifException;
import be.biodiversity.portal.directory.gbif.GbifProperties;
import be.biodiversity.portal.directory.gbif.GbifTestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    void retriesAPageAfterAServerError() {
        registry.fail(2, 1, 503);
        StepVerifier.create(client(Duration.ofSeconds(30)).organisations().count())
                .expectNext(3L)
                .verifyComplete();
        assertThat(registry.requests).hasSize(3);
    }

    /**
     * The response timeout runs on virtual time: the stalled first page times out when the test moves the clock,
     * and no other request can time out however busy the machine is (this test used to rely on a real 300 ms
     * timeout and failed on a busy machine).
     */
    @Test
    void retriesAPageThatGotNoAnswerInTime() {
        registry.stall(0, 1);
        RegistryClient client = client(Duration.ofSeconds(30));
        StepVerifier.withVirtualTime(() -> client.organisations().count())
                // the clock moves once the stub holds the request: moved earlier, it would cancel it on its way
                .then(() -> await().atMost(Duration.ofSeconds(30)).until(() -> registry.requests.size() == 1))
                .thenAwait(Duration.ofSeconds(45))
                .expectNext(3L)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(registry.requests).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        registry.fail(2, 10, 502);
        StepVerifier.create(client(Duration.ofSeconds(2)).organisations().count())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(GbifException.class)
                        .hasMessage("GBIF answered 502"))
                .verify(Duration.ofSeconds(10));
        // page 0 once, page 2 once and three retries
        assertThat(registry.requests).hasSize(1 + 1 + 3);
    }

    @Test
    void doesNotRetryAClientError() {
        registry.fail(0, 10, 400);
        StepVerifier.create(client(Duration.ofSeconds(2)).organisations())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(GbifException.class)
                        .hasMessage("GBIF answered 400"))
                .verify(Duration.ofSeconds(10));
        assertThat(registry.requests).hasSize(1);
    }

    private RegistryClient client(Duration timeout) {
        GbifProperties gbif = new GbifProperties(URI.create(registry.baseUrl()), "GBIF.test-portal/0.1",
                Duration.ofSeconds(5), timeout, 3, Duration.ofMillis(10), Duration.ZERO, 10,
                new GbifProperties.Breaker(10, 10, 50, Duration.ofMinutes(1)));
        return new RegistryClient(new RegistryProperties(true, Map.of("country", "BE"), 2),
                GbifTestClients.client(gbif));
    }
}
