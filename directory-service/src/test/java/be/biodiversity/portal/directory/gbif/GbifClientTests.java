package be.biodiversity.portal.directory.gbif;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GbifClientTests {

    static final String CORNELL = "/organization/e2e717bf-551a-4917-bdc9-4fa0f342c530";

    final GbifApiStub gbif = new GbifApiStub()
            .answer(CORNELL, GbifApiStub.resource("gbif/organization-e2e717bf.json"))
            .list("/organization", GbifApiStub.results("gbif/organization-page.json"));
    final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void stop() {
        gbif.close();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(String key, String title, Integer numPublishedDatasets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(Long count, Boolean endOfRecords) {
    }

    @Test
    void readsARecordedAnswerAndNamesThePortalInItsUserAgent() {
        GbifClient client = client(3, Duration.ofSeconds(30));
        StepVerifier.create(client.get(client.url(CORNELL, Map.of()), Organisation.class))
                .expectNext(new Organisation("e2e717bf-551a-4917-bdc9-4fa0f342c530", "Cornell Lab of Ornithology", 3))
                .verifyComplete();
        assertThat(gbif.userAgents).containsExactly("GBIF.test-portal/0.1 (+https://portal.example.org)");
    }

    @Test
    void buildsTheUrlFromTheConfiguredBaseWithTheQueryEncoded() {
        GbifClient client = client(3, Duration.ofSeconds(30));
        assertThat(client.url("/organization", Map.of("q", "Meise & co")))
                .isEqualTo(URI.create(gbif.apiUrl() + "/organization?q=Meise%20%26%20co"));
    }

    @Test
    void answersTheSameQueryFromTheCacheUntilItExpires() {
        GbifClient client = client(3, Duration.ofSeconds(30));
        URI first = client.url("/organization", Map.of("offset", 0, "limit", 1));
        URI other = client.url("/organization", Map.of("offset", 1, "limit", 1));
        client.get(first, Page.class).block();
        client.get(first, Page.class).block();
        client.get(other, Page.class).block();
        assertThat(gbif.requests).hasSize(2);

        nanos.addAndGet(TimeUnit.MINUTES.toNanos(11));
        client.get(first, Page.class).block();
        assertThat(gbif.requests).hasSize(3);
    }

    @Test
    void doesNotCacheAFailure() {
        GbifClient client = client(0, Duration.ofSeconds(30));
        gbif.fail(CORNELL, 1, 503);
        URI url = client.url(CORNELL, Map.of());
        StepVerifier.create(client.get(url, Organisation.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(GbifException.class)
                        .hasMessage("GBIF answered 503"))
                .verify(Duration.ofSeconds(30));
        StepVerifier.create(client.get(url, Organisation.class).map(Organisation::title))
                .expectNext("Cornell Lab of Ornithology").verifyComplete();
        assertThat(gbif.requests).hasSize(2);
    }

    @Test
    void retriesAGetAfterAServerError() {
        GbifClient client = client(3, Duration.ofSeconds(30));
        gbif.fail(CORNELL, 2, 502);
        StepVerifier.create(client.get(client.url(CORNELL, Map.of()), Organisation.class).map(Organisation::title))
                .expectNext("Cornell Lab of Ornithology").verifyComplete();
        assertThat(gbif.requests).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredRetriesAndSaysGbifIsUnreachable() {
        GbifClient client = client(2, Duration.ofSeconds(30));
        gbif.fail(CORNELL, 10, 500);
        StepVerifier.create(client.get(client.url(CORNELL, Map.of()), Organisation.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(GbifException.class,
                        gbifError -> assertThat(gbifError.unreachable()).isTrue()))
                .verify(Duration.ofSeconds(30));
        assertThat(gbif.requests).hasSize(1 + 2);
    }

    @Test
    void doesNotRetryAClientError() {
        GbifClient client = client(3, Duration.ofSeconds(30));
        StepVerifier.create(client.get(client.url("/organization/unknown", Map.of()), Organisation.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(GbifException.class,
                        gbifError -> {
                            assertThat(gbifError.unreachable()).isFalse();
                            assertThat(gbifError).hasMessage("GBIF answered 404");
                        }))
                .verify(Duration.ofSeconds(30));
        assertThat(gbif.requests).hasSize(1);
    }

    /**
     * The response timeout runs on virtual time: the stalled request times out when the test moves the clock, and
     * the others cannot time out however slow the machine is.
     */
    @Test
    void retriesAGetThatGotNoAnswerInTime() {
        GbifClient client = client(3, Duration.ofSeconds(30));
        gbif.stall(CORNELL, 1);
        StepVerifier.withVirtualTime(() -> client.get(client.url(CORNELL, Map.of()), Organisation.class)
                        .map(Organisation::title))
                // the clock moves once the stub holds the request: moved earlier, it would cancel it on its way
                .then(() -> await().atMost(Duration.ofSeconds(30)).until(() -> gbif.requests.size() == 1))
                .thenAwait(Duration.ofSeconds(45))
                .expectNext("Cornell Lab of Ornithology")
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(gbif.requests).hasSize(2);
    }

    @Test
    void stopsAskingAGbifThatKeepsFailing() {
        GbifClient client = client(0, Duration.ofSeconds(30));
        gbif.down(true);
        for (int call = 0; call < 4; call++) {
            StepVerifier.create(client.get(client.url(CORNELL, Map.of("call", call)), Organisation.class))
                    .expectError(GbifException.class).verify(Duration.ofSeconds(30));
        }
        assertThat(client.breakerState()).isEqualTo("OPEN");
        StepVerifier.create(client.get(client.url(CORNELL, Map.of("call", 5)), Organisation.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(GbifException.class,
                        gbifError -> {
                            assertThat(gbifError.unreachable()).isTrue();
                            assertThat(gbifError).hasMessageContaining("circuit breaker open");
                        }))
                .verify(Duration.ofSeconds(30));
        assertThat(gbif.requests).hasSize(4);
    }

    @Test
    void aClientErrorDoesNotOpenTheBreaker() {
        GbifClient client = client(0, Duration.ofSeconds(30));
        for (int call = 0; call < 6; call++) {
            StepVerifier.create(client.get(client.url("/organization/unknown", Map.of("call", call)),
                    Organisation.class)).expectError(GbifException.class).verify(Duration.ofSeconds(30));
        }
        assertThat(client.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void saysSoWhenGbifCannotBeReached() {
        GbifClient client = client(1, Duration.ofSeconds(30));
        URI url = client.url(CORNELL, Map.of());
        gbif.close();
        StepVerifier.create(client.get(url, Organisation.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(GbifException.class,
                        gbifError -> {
                            assertThat(gbifError.unreachable()).isTrue();
                            assertThat(gbifError).hasMessageStartingWith("GBIF could not be reached");
                        }))
                .verify(Duration.ofSeconds(30));
    }

    private GbifClient client(int retries, Duration responseTimeout) {
        GbifProperties properties = new GbifProperties(URI.create(gbif.apiUrl()),
                "GBIF.test-portal/0.1 (+https://portal.example.org)", Duration.ofSeconds(5), responseTimeout,
                retries, Duration.ofMillis(1), Duration.ofMinutes(10), 100,
                new GbifProperties.Breaker(4, 4, 50, Duration.ofMinutes(1)));
        return new GbifClient(WebClient.builder(), properties, nanos::get);
    }
}
