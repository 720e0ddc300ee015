package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import be.biodiversity.portal.render.TestTicker;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider answers used again while they are still right, never after; time moves only when the test says. */
class AnswerCacheTests {

    private static final String PATH = "/nl/community";

    private final TestTicker ticker = new TestTicker();

    private final PageCacheProperties properties = new PageCacheProperties(true, Duration.ofSeconds(30), null, null,
            Duration.ofMillis(250), null, true, Duration.ofSeconds(5), null, null);

    private final SiteRevision revision = new SiteRevision(ticker, properties);

    private final AnswerCache cache = new AnswerCache(revision, properties, ticker,
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aPageAnswerIsUsedAgainUntilItsPathChanges() {
        revision.read(7);
        assertThat(List.of(page(), page(), page())).containsExactly("answer 1", "answer 1", "answer 1");
        cache.apply(List.of(ContentChange.page(8, "/nl/other", false)), path -> false, IdentityPaths.PATHS);
        assertThat(page()).as("another page changed").isEqualTo("answer 1");
        cache.apply(List.of(ContentChange.page(9, PATH, true)), path -> false, IdentityPaths.PATHS);
        assertThat(page()).as("this page was removed: asked again").isEqualTo("answer 2");
    }

    @Test
    void translationsFollowEveryPageChangeAndListingsEveryPostChange() {
        revision.read(7);
        Mono<String> translations = answer("translations community", AnswerCache.TRANSLATIONS);
        Mono<String> posts = answer("posts nl", AnswerCache.POSTS);
        Mono<String> navigation = answer("data navigation nl", AnswerCache.SITE);
        assertThat(List.of(translations.block(), posts.block(), navigation.block()))
            .containsExactly("answer 1", "answer 2", "answer 3");

        cache.apply(List.of(ContentChange.page(8, "/nl/team", false)), path -> false, IdentityPaths.PATHS);
        assertThat(List.of(translations.block(), posts.block(), navigation.block()))
            .as("a page (not a post) changed: only the language versions are asked again")
            .containsExactly("answer 4", "answer 2", "answer 3");

        cache.apply(List.of(ContentChange.page(9, "/nl/post/x", false)), path -> true, IdentityPaths.PATHS);
        assertThat(posts.block()).as("a post changed: the listings too").isEqualTo("answer 5");
        assertThat(navigation.block()).isEqualTo("answer 3");

        cache.apply(List.of(ContentChange.site(10)), path -> false, IdentityPaths.PATHS);
        assertThat(navigation.block()).as("a site-wide change: every content answer").isEqualTo("answer 6");
    }

    @Test
    void aSiteChangeLeavesDirectoryAnswersAlone() {
        revision.read(7);
        Mono<String> list = cache.directory("members", () -> Mono.fromSupplier(() -> "list " + calls.incrementAndGet()));
        assertThat(list.block()).isEqualTo("list 1");
        cache.apply(List.of(ContentChange.site(8)), path -> true, IdentityPaths.PATHS);
        cache.clear();
        assertThat(list.block()).isEqualTo("list 1");
    }

    @Test
    void withoutARecentSiteRevisionNothingIsKept() {
        assertThat(List.of(page(), page())).as("never read").containsExactly("answer 1", "answer 2");
        revision.read(7);
        assertThat(List.of(page(), page())).containsExactly("answer 3", "answer 3");
        ticker.advance(Duration.ofSeconds(5));
        assertThat(List.of(page(), page())).as("not read for 5 s: content-service is out of reach")
            .containsExactly("answer 4", "answer 5");
    }

    @Test
    void aContentAnswerIsUsedForAtMostMaxAge() {
        revision.read(7);
        assertThat(page()).isEqualTo("answer 1");
        ticker.advance(Duration.ofSeconds(29));
        revision.read(7);
        assertThat(page()).isEqualTo("answer 1");
        ticker.advance(Duration.ofSeconds(2));
        revision.read(7);
        assertThat(page()).isEqualTo("answer 2");
    }

    @Test
    void aFailureIsNotKept() {
        revision.read(7);
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
        revision.read(7);
        Mono<String> none = cache.content("no such page", AnswerCache.page("/nl/x"),
                () -> Mono.fromRunnable(calls::incrementAndGet));
        StepVerifier.create(none).verifyComplete();
        StepVerifier.create(none).verifyComplete();
        assertThat(calls).hasValue(1);
        cache.apply(List.of(ContentChange.page(8, "/nl/x", false)), path -> false, IdentityPaths.PATHS);
        StepVerifier.create(none).verifyComplete();
        assertThat(calls).as("the page was created: asked again").hasValue(2);
    }

    @Test
    void aDirectoryAnswerIsUsedAgainForAtMostItsMaxAge() {
        Mono<String> list = cache.directory("members", () -> Mono.fromSupplier(() -> "list " + calls.incrementAndGet()));
        assertThat(List.of(list.block(), list.block())).containsExactly("list 1", "list 1");
        ticker.advance(Duration.ofSeconds(4));
        assertThat(list.block()).isEqualTo("list 1");
        ticker.advance(Duration.ofSeconds(2));
        assertThat(list.block()).as("older than directory-max-age: asked again").isEqualTo("list 2");
    }

    @Test
    void concurrentRequestsForOneAnswerShareTheCall() {
        revision.read(7);
        Mono<String> slow = cache.content("slow", () -> Mono.delay(Duration.ofMillis(100))
            .map((tick) -> "answer " + calls.incrementAndGet()));
        assertThat(Mono.zip(slow, slow, slow).block().toList()).containsOnly("answer 1");
        assertThat(calls).hasValue(1);
    }

    private String page() {
        return answer("page nl " + PATH, AnswerCache.page(PATH)).block(Duration.ofSeconds(5));
    }

    private Mono<String> answer(String key, String dependsOn) {
        return cache.content(key, dependsOn, () -> Mono.fromSupplier(() -> "answer " + calls.incrementAndGet()));
    }

    @Test
    void anAnswerThatNeverComesFailsAfterTheTimeoutAndIsAskedForAgain() {
        revision.read(7);
        AtomicInteger asked = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> cache.content("hanging", AnswerCache.SITE, () -> {
            asked.incrementAndGet();
            return Mono.<String>never();
        })).expectSubscription().thenAwait(AnswerCache.ANSWER_TIMEOUT.plusSeconds(1))
            .expectError(java.util.concurrent.TimeoutException.class).verify(Duration.ofSeconds(5));
        assertThat(cache.content("hanging", AnswerCache.SITE, () -> {
            asked.incrementAndGet();
            return Mono.just("now");
        }).block()).isEqualTo("now");
        assertThat(asked).hasValue(2);
    }

    @Test
    void anAnswerThatSaysWhatAltersItIsKeptThroughAnEditToAnotherPage() {
        revision.read(7);
        Mono<String> versions = cache.content("translations community",
                (String answer) -> (change, paths) -> List.of("/community", "/nl/community").contains(change.path()),
                () -> Mono.fromSupplier(() -> "versions " + calls.incrementAndGet()));
        assertThat(versions.block()).isEqualTo("versions 1");

        cache.apply(List.of(ContentChange.page(8, "/nl/team", false)), path -> false, IdentityPaths.PATHS);
        assertThat(versions.block()).as("an edit to another page keeps it").isEqualTo("versions 1");

        cache.apply(List.of(ContentChange.page(9, "/nl/community", false)), path -> false, IdentityPaths.PATHS);
        assertThat(versions.block()).as("one of its versions changed: asked again").isEqualTo("versions 2");

        cache.apply(List.of(ContentChange.site(10)), path -> false, IdentityPaths.PATHS);
        assertThat(versions.block()).as("a site-wide change alters everything").isEqualTo("versions 3");
    }

    @Test
    void anAnswerThatSaysWhatAltersItIsForgottenOnAnyPageChangeWhileOnItsWay() {
        revision.read(7);
        reactor.core.publisher.Sinks.One<String> first = reactor.core.publisher.Sinks.one();
        Mono<String> versions = cache.content("translations community",
                (String answer) -> (change, paths) -> false,
                () -> calls.incrementAndGet() == 1 ? first.asMono() : Mono.just("versions 2"));
        reactor.core.Disposable waiting = versions.subscribe();

        cache.apply(List.of(ContentChange.page(8, "/nl/team", false)), path -> false, IdentityPaths.PATHS);
        first.tryEmitValue("versions 1");

        assertThat(versions.block()).as("what it depends on was not known yet: asked again").isEqualTo("versions 2");
        waiting.dispose();
    }
}
