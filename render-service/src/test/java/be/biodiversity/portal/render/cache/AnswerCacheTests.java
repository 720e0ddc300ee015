package be.biodiversity.portal.render.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.config.PortalProperties;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider answers used again while they are still right, never after. */
class AnswerCacheTests {

    private static final String REVISION = "/api/content/v1/revision";

    static final ProviderStub content = ProviderStub.start();

    private final ContentRevision revision = new ContentRevision(new PortalProperties(
            new PortalProperties.Provider(URI.create(content.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(2)),
            null, null, URI.create("http://localhost:8080")), properties(Duration.ofMillis(300)));

    private final AnswerCache cache = new AnswerCache(revision, properties(Duration.ofMillis(300)),
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

    private final AtomicInteger calls = new AtomicInteger();

    @AfterAll
    static void stop() {
        content.close();
    }

    @Test
    void aContentAnswerIsUsedAgainUntilTheSiteRevisionChanges() {
        siteRevision(7);
        assertThat(List.of(ask(), ask(), ask())).containsExactly("answer 1", "answer 1", "answer 1");
        siteRevision(8);
        assertThat(ask()).as("an edit was made: asked again").isEqualTo("answer 2");
        assertThat(ask()).isEqualTo("answer 2");
    }

    @Test
    void withoutASiteRevisionNothingIsKept() {
        assertThat(List.of(ask(), ask())).containsExactly("answer 1", "answer 2");
    }

    @Test
    void aFailureIsNotKept() {
        siteRevision(7);
        Mono<String> failing = cache.content("broken", () -> {
            calls.incrementAndGet();
            return Mono.error(new IllegalStateException("down"));
        });
        StepVerifier.create(failing).expectError(IllegalStateException.class).verify();
        StepVerifier.create(failing).expectError(IllegalStateException.class).verify();
        assertThat(calls).as("asked again after a failure").hasValue(2);
    }

    @Test
    void anEmptyAnswerIsKeptToo() {
        siteRevision(7);
        Mono<String> none = cache.content("no such page", () -> Mono.fromRunnable(calls::incrementAndGet));
        StepVerifier.create(none).verifyComplete();
        StepVerifier.create(none).verifyComplete();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDirectoryAnswerIsUsedAgainForAtMostItsMaxAge() throws InterruptedException {
        Mono<String> list = cache.directory("members", () -> Mono.fromSupplier(() -> "list " + calls.incrementAndGet()));
        assertThat(List.of(list.block(), list.block())).containsExactly("list 1", "list 1");
        Thread.sleep(400);
        assertThat(list.block()).as("older than directory-max-age: asked again").isEqualTo("list 2");
    }

    @Test
    void concurrentRequestsForOneAnswerShareTheCall() {
        siteRevision(7);
        Mono<String> slow = cache.content("slow", () -> Mono.delay(Duration.ofMillis(200))
            .map((tick) -> "answer " + calls.incrementAndGet()));
        assertThat(Mono.zip(slow, slow, slow).block().toList()).containsOnly("answer 1");
        assertThat(calls).hasValue(1);
    }

    private String ask() {
        return cache.content("page nl /nl/community", () -> Mono.fromSupplier(() -> "answer " + calls.incrementAndGet()))
            .block(Duration.ofSeconds(5));
    }

    private void siteRevision(long number) {
        content.respond(REVISION, 200, "application/json", "{\"revision\":" + number + "}");
        revision.read().block(Duration.ofSeconds(5));
    }

    private static PageCacheProperties properties(Duration directoryMaxAge) {
        return new PageCacheProperties(true, null, null, null, Duration.ofHours(1), null, true, directoryMaxAge, null);
    }
}
