package be.biodiversity.portal.render.gbif;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.TestTicker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a render learns about how long its page is right: until the first GBIF answer it used stops being fresh; not
 * to be kept when it showed a last good answer or a key in place of a title.
 */
class PageLifeTests {

    private static final String KEY = "b17b67ee-85bc-4b87-bf77-b2d6af66395b";
    private static final List<Map.Entry<String, String>> QUERY = List.of(Map.entry("country", "BE"),
            Map.entry("limit", "20"));

    private final ProviderStub stub = ProviderStub.start()
            .json("/v1/occurrence/search?country=BE&limit=20", "gbif/occurrence-search.json")
            .json("/v1/dataset/" + KEY, "gbif/dataset.json");
    private final TestTicker ticker = new TestTicker();
    private final GbifProperties properties = new GbifProperties(URI.create(stub.baseUrl() + "/v1"),
            URI.create("https://api.gbif.org/v2/map"), URI.create("https://tile.gbif.org/3857/omt"),
            URI.create("https://www.gbif.org"), "GBIF.be-portal test", Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMinutes(10), Duration.ofHours(24), 100, Duration.ofMillis(150),
            new GbifProperties.Breaker(100, 100, 50, Duration.ofMinutes(1)), null);
    private final GbifClient gbif = new GbifClient(WebClient.builder(), properties, ticker,
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aPageIsRightUntilTheFirstAnswerItUsedIsNoLongerFresh() {
        long first = ticker.read();
        gbif.get("/occurrence/search", QUERY, Map.class).block();
        ticker.advance(Duration.ofMinutes(3));
        PageLife life = new PageLife();
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class)
                .then(gbif.get("/dataset/" + KEY, List.of(), Map.class)).contextWrite(life::into))
                .expectNextCount(1).verifyComplete();
        assertThat(life.until()).as("the search, asked 3 minutes before the dataset")
                .isEqualTo(OptionalLong.of(first + Duration.ofMinutes(10).toNanos()));
    }

    @Test
    void aPageThatShowedTheLastGoodAnswerIsNotToBeKept() {
        gbif.get("/occurrence/search", QUERY, Map.class).block();
        ticker.advance(Duration.ofMinutes(11));
        stub.goDown();
        PageLife life = new PageLife();
        StepVerifier.create(gbif.get("/occurrence/search", QUERY, Map.class).contextWrite(life::into))
                .assertNext(answer -> assertThat(answer.stale()).isTrue()).verifyComplete();
        assertThat(life.until()).isEmpty();
    }

    @Test
    void aPageThatShowedAKeyForATitleNotThereInTimeIsNotToBeKept() {
        stub.holdAnswers("/v1/dataset/", Mono.never());
        PageLife life = new PageLife();
        StepVerifier.create(new Titles(gbif, properties).of("dataset", List.of(KEY)).contextWrite(life::into))
                .assertNext(titles -> assertThat(titles).isEmpty()).verifyComplete();
        assertThat(life.until()).isEmpty();
    }

    @Test
    void aPageWithTheTitlesItNeedsIsKept() {
        PageLife life = new PageLife();
        StepVerifier.create(new Titles(gbif, properties).waitingFor("dataset", List.of(KEY)).contextWrite(life::into))
                .assertNext(titles -> assertThat(titles).containsKey(KEY)).verifyComplete();
        assertThat(life.until()).isPresent();
    }
}
