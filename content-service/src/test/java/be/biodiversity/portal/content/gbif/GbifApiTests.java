package be.biodiversity.portal.content.gbif;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GbifApiTests {

    static final GbifStub stub = new GbifStub();
    static final List<JsonNode> RECORDS = GbifStub.recorded("gbif-api/literature-search.json");

    CircuitBreakerRegistry breakers;
    GbifApi api;

    @BeforeEach
    void fresh() {
        stub.reset();
        breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofHours(1))
                .ignoreExceptions(GbifRefused.class).build());
        api = api(stub.apiUrl(), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    GbifApi api(String url, Duration responseTimeout) {
        return new GbifApi(WebClient.builder(), breakers, new GbifProperties(URI.create(url), "Test portal (tests)",
                Duration.ofSeconds(2), responseTimeout, 2, Duration.ofMillis(1), null));
    }

    static MultiValueMap<String, String> filter(String name, String value) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add(name, value);
        return query;
    }

    @Test
    void pagesThroughTheSearchUntilEndOfRecordsNamingThePortal() {
        stub.serve("countriesOfResearcher=BE", RECORDS);

        List<GbifPage<JsonNode>> pages = api.pages("/literature/search", filter("countriesOfResearcher", "BE"),
                JsonNode.class, 4, 1000).collectList().block();

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).results()).hasSize(4);
        assertThat(pages.get(1).results()).hasSize(2);
        assertThat(pages.get(1).endOfRecords()).isTrue();
        assertThat(pages.get(0).results().get(0).path("id").asString()).isEqualTo(RECORDS.get(0).path("id").asString());
        assertThat(stub.requests()).extracting(r -> r.query().toSingleValueMap())
                .containsExactly(Map.of("countriesOfResearcher", "BE", "offset", "0", "limit", "4"),
                        Map.of("countriesOfResearcher", "BE", "offset", "4", "limit", "4"));
        assertThat(stub.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/literature/search");
            assertThat(r.userAgent()).isEqualTo("Test portal (tests)");
        });
    }

    @Test
    void asksNoFurtherThanMaxRecords() {
        stub.serve("q=bats", RECORDS);

        List<GbifPage<JsonNode>> pages = api.pages("/literature/search", filter("q", "bats"), JsonNode.class, 2, 3)
                .collectList().block();

        assertThat(pages).extracting(p -> p.results().size()).containsExactly(2, 1);
        assertThat(pages.get(1).endOfRecords()).isFalse();
        assertThat(stub.requests()).extracting(r -> r.query().getFirst("limit")).containsExactly("2", "1");
    }

    @Test
    void retriesAServerErrorAndGetsTheAnswer() {
        stub.serve("q=bats", RECORDS).fail(2, 503);

        GbifPage<JsonNode> page = api.pages("/literature/search", filter("q", "bats"), JsonNode.class, 10, 100)
                .blockFirst();

        assertThat(page.results()).hasSize(6);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aServerErrorThatStaysIsUnavailableAfterTheRetries() {
        stub.fail(10, 500);

        assertThatThrownBy(() -> api.pages("/literature/search", filter("q", "bats"), JsonNode.class, 10, 100)
                .blockFirst())
                .isInstanceOf(GbifUnavailable.class).hasMessageContaining("answered 500");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aClientErrorIsRefusedWithoutRetryNorCountingAgainstGbif() {
        stub.fail(10, 400);

        IntStream.range(0, 6).forEach(i -> assertThatThrownBy(() -> api.pages("/literature/search",
                filter("q", "bats"), JsonNode.class, 10, 100).blockFirst())
                .isInstanceOf(GbifRefused.class).hasMessageContaining("400").hasMessageContaining("stub failure 400"));

        assertThat(stub.requests()).hasSize(6);
        assertThat(breakers.circuitBreaker(GbifApi.BREAKER).getState().name()).isEqualTo("CLOSED");
    }

    @Test
    void aSlowAnswerIsUnavailableAfterTheResponseTimeoutWithoutRetry() {
        stub.serve("q=bats", RECORDS).slow(Duration.ofSeconds(30));
        GbifApi impatient = api(stub.apiUrl(), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.pages("/literature/search", filter("q", "bats"), JsonNode.class, 10, 100)
                .blockFirst(Duration.ofSeconds(20)))
                .isInstanceOf(GbifUnavailable.class).hasMessageContaining("no answer within");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void noConnectionIsUnavailableAfterTheRetries() {
        stub.stop();

        assertThatThrownBy(() -> api.pages("/literature/search", filter("q", "bats"), JsonNode.class, 10, 100)
                .blockFirst())
                .isInstanceOf(GbifUnavailable.class).hasMessageContaining("no connection");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndGbifIsLeftAlone() {
        stub.fail(1000, 503);
        for (int i = 0; i < 2; i++) { // two calls of three attempts each: four failures fill the window
            assertThatThrownBy(() -> api.get("/literature/search", filter("q", "x"),
                    ParameterizedTypeReference.<JsonNode>forType(JsonNode.class)).block())
                    .isInstanceOf(GbifUnavailable.class);
        }
        int asked = stub.requests().size();

        assertThatThrownBy(() -> api.pages("/literature/search", filter("q", "x"), JsonNode.class, 10, 100)
                .blockFirst())
                .isInstanceOf(GbifUnavailable.class).hasMessageContaining("circuit breaker is open");
        assertThat(stub.requests()).hasSize(asked);
    }
}
