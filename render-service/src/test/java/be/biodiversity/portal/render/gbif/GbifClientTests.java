package be.biodiversity.portal.render.gbif;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.TestTicker;

import static org.assertj.core.api.Assertions.assertThat;

/** The GBIF client against a stub GBIF API: caching per query, the last good answer, errors, slowness, outages. */
class GbifClientTests {

    private static final String SEARCH = "/v1/occurrence/search?country=BE&limit=20";
    private static final List<Map.Entry<String, String>> QUERY = List.of(Map.entry("country", "BE"),
            Map.entry("limit", "20"));

    private final ProviderStub stub = ProviderStub.start().json(SEARCH, "gbif/occurrence-search.json");
    private final TestTicker ticker = new TestTicker();

    @AfterEach
    void stop() {
        stub.close();
    }

    private GbifClient client(int breakerMinimumCalls) {
        GbifProperties properties = new GbifProperties(java.net.URI.create(stub.baseUrl() + "/v1"),
                java.net.URI.create("https://api.gbif.org/v2/map"), java.net.URI.create("https://tile.gbif.org/3857/omt"),
                java.net.URI.create("https://www.gbif.org"), "GBIF.be-portal test", Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(24), 100, Duration.ofMillis(150),
                new GbifProperties.Breaker(breakerMinimumCalls, breakerMinimumCalls, 50, Duration.ofMinutes(1)),
                null);
        return new GbifClient(WebClient.builder(), properties, ticker,
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    @Test
    void anAnswerIsKeptPerQueryUntilItsTimeIsUpAndNamesThePortal() {
        GbifClient gbif = client(100);
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                .assertNext(answer -> {
                    assertThat(answer.value().get("count")).isEqualTo(1979);
                    assertThat(answer.stale()).isFalse();
                }).verifyComplete();
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class)).expectNextCount(1).verifyComplete();
        assertThat(stub.requests()).as("the second ask is answered from the cache").hasSize(1);
        assertThat(stub.userAgents()).containsExactly("GBIF.be-portal test");
        ticker.advance(Duration.ofMinutes(11));
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class)).expectNextCount(1).verifyComplete();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void whenGbifIsDownTheLastGoodAnswerIsGivenMarkedStaleWithItsTime() {
        GbifClient gbif = client(100);
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class)).expectNextCount(1).verifyComplete();
        ticker.advance(Duration.ofMinutes(11));
        stub.goDown();
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                .assertNext(answer -> {
                    assertThat(answer.stale()).isTrue();
                    assertThat(answer.fetchedAt()).isNotNull();
                    assertThat(answer.value().get("count")).isEqualTo(1979);
                }).verifyComplete();
        ticker.advance(Duration.ofHours(25));
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                .expectError(GbifUnavailableException.class).verify();
    }

    @Test
    void aFailureIsNotKeptAndNothingIsMadeUp() {
        GbifClient gbif = client(100);
        stub.failWith(503);
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                .expectError(GbifUnavailableException.class).verify();
        stub.healthy();
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class)).expectNextCount(1).verifyComplete();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aSlowAnswerIsGivenUpAfterTheResponseTimeout() {
        GbifClient gbif = client(100);
        stub.delayBy(Duration.ofSeconds(5));
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(GbifUnavailableException.class)
                        .hasMessageContaining("no answer within"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void notFoundIsEmptyAndARefusalSaysWhy() {
        GbifClient gbif = client(100);
        StepVerifier.create(gbif.get("/occurrence/1", List.of(), Map.class)).verifyComplete();
        stub.respond("/v1/occurrence/search?year=abc", 400, "text/plain", "Invalid year abc");
        StepVerifier.create(gbif.get("/occurrence/search", List.of(Map.entry("year", "abc")), Map.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(GbifRefusedException.class)
                        .hasMessage("Invalid year abc"))
                .verify();
    }

    @Test
    void afterRepeatedFailuresTheBreakerStopsAskingGbif() {
        GbifClient gbif = client(2);
        stub.failWith(500);
        for (int i = 0; i < 2; i++) {
            StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                    .expectError(GbifUnavailableException.class).verify();
        }
        assertThat(gbif.breakerState()).isEqualTo("OPEN");
        stub.healthy();
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("not asked again"))
                .verify();
        assertThat(stub.requests()).as("an open breaker does not ask GBIF").hasSize(2);
    }

    @Test
    void theQueryIsSentAsGivenWithValuesEncoded() {
        GbifClient gbif = client(100);
        assertThat(gbif.url("/occurrence/search", List.of(Map.entry("q", "Parus major & co"),
                Map.entry("country", "BE"))).toString())
                .isEqualTo(stub.baseUrl() + "/v1/occurrence/search?q=Parus+major+%26+co&country=BE");
    }
}
