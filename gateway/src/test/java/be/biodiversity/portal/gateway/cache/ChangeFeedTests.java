package be.biodiversity.portal.gateway.cache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

import be.biodiversity.portal.gateway.StubService;
import be.biodiversity.portal.gateway.StubService.Failure;
import be.biodiversity.portal.gateway.content.ContentChanges;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page removed or changed in content-service is never served again from the gateway's copies, not even instead
 * of an error (issue 18, finding 2), because the page cache follows content-service's change feed (an in-process
 * stub serving the contract's JSON here). The tests poll the feed themselves ({@link ChangeFollower#poll()}); its
 * own schedule is shown apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.page-cache.follow-changes=true", "portal.page-cache.changes-interval=1h",
        "portal.page-cache.max-age=300ms", "portal.page-cache.refresh-after=150ms",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000" })
@AutoConfigureWebTestClient
@Import(ManualTicker.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class ChangeFeedTests {

    static final StubService render = new StubService("render");

    static final FeedStub content = new FeedStub();

    @Autowired
    WebTestClient web;

    @Autowired
    ChangeFollower follower;

    @Autowired
    ContentChanges feed;

    @Autowired
    PageCache cache;

    @Autowired
    ManualTicker ticker;

    String base;

    @LocalServerPort
    void port(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", content::url);
        registry.add("portal.directory.url", content::url);
    }

    @AfterAll
    static void stop() {
        render.stop();
        content.server.disposeNow();
    }

    @BeforeEach
    void followFromRevision1() {
        content.status = 200;
        content.answer = since -> feed(1, true, false);
        this.follower.poll().block(Duration.ofSeconds(5));
        assertThat(this.follower.since()).isEqualTo(1);
        content.sinces.clear();
    }

    @AfterEach
    void recover() {
        render.failing(Failure.NONE);
        this.cache.clear();
    }

    @Test
    void aRemovedPageIsNeverServedAgainWhilePagesNotInTheFeedStillStandIn() {
        read("/nl/x");
        read("/nl/y");
        content.answer = since -> feed(2, true, false, page(2, "/nl/x", true));
        poll();
        assertThat(content.sinces).containsExactly(1L);

        render.failing(Failure.CLOSE);
        this.ticker.advance(Duration.ofMillis(400));
        this.web.get().uri("/nl/x").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).value(html -> assertThat(html).doesNotContain("render /nl/x")
                        .contains("Tijdelijk niet beschikbaar"));
        this.web.get().uri("/nl/y").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render /nl/y");
    }

    @Test
    void aChangedPageIsNotServedFromItsOldCopyEitherAndEveryQueryOfAPathGoes() {
        read("/nl/changed");
        read("/nl/changed?page=2");
        read("/nl/changed?page=2");
        content.answer = since -> feed(2, true, false, page(2, "/nl/changed", false));
        poll();

        render.failing(Failure.STATUS_503);
        this.web.get().uri("/nl/changed").exchange().expectStatus().isEqualTo(503);
        this.web.get().uri("/nl/changed?page=2").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void aPermalinkOutsideAsciiNamesTheCanonicalSpelling() {
        URI page = URI.create(this.base + "/nl/%C3%BCber");
        this.web.get().uri(page).exchange().expectStatus().isOk();
        content.answer = since -> feed(2, true, false, page(2, "/nl/über", true));
        poll();
        render.failing(Failure.CLOSE);
        this.web.get().uri(page).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void whenTheFeedCannotSayWhatChangedEveryCopyGoes() {
        read("/nl/kept-until-incomplete");
        content.answer = since -> feed(500, false, false);
        poll();
        assertThat(this.follower.since()).isEqualTo(500);
        render.failing(Failure.CLOSE);
        this.web.get().uri("/nl/kept-until-incomplete").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(503);
    }

    @Test
    void aChangeToTheWholeSiteLeavesNoCopyFreshButEachStillStandsIn() {
        read("/nl/site");
        content.answer = since -> feed(2, true, false, site(2));
        poll();
        read("/nl/site");
        assertThat(render.count("/nl/site")).as("fetched again without time passing").isEqualTo(2);

        content.answer = since -> feed(3, true, false, site(3));
        poll();
        render.failing(Failure.CLOSE);
        this.web.get().uri("/nl/site").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("render /nl/site");
    }

    @Test
    void aPostsChangeLeavesNoListingFreshAndDropsThePost() {
        read("/news");
        read("/news/2026/a-post");
        content.answer = since -> feed(2, true, false, post(2, "/news/2026/a-post", true));
        poll();
        read("/news");
        assertThat(render.count("/news")).as("the listing is fetched again without time passing").isEqualTo(2);
        render.failing(Failure.CLOSE);
        this.web.get().uri("/news/2026/a-post").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void moreEntriesAreReadAtOnceFromTheLastOneRead() {
        read("/nl/later");
        content.answer = since -> (since == 1) ? through(2, feed(3, true, true, page(2, "/nl/other", true)))
                : feed(3, true, false, page(3, "/nl/later", true));
        poll();
        assertThat(content.sinces).containsExactly(1L, 2L);
        assertThat(this.follower.since()).isEqualTo(3);
        render.failing(Failure.CLOSE);
        this.web.get().uri("/nl/later").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void whileContentServiceIsDownTheCopiesStayAndThatIsLoggedOnce(CapturedOutput output) {
        read("/nl/outage");
        content.status = 503;
        poll();
        poll();
        poll();
        assertThat(output.getOut().split("change feed cannot be read", -1)).hasSize(2);
        assertThat(this.follower.since()).isEqualTo(1);

        render.failing(Failure.CLOSE);
        this.ticker.advance(Duration.ofMillis(400));
        this.web.get().uri("/nl/outage").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();

        content.status = 200;
        content.answer = since -> feed(2, true, false, page(2, "/nl/outage", true));
        poll();
        assertThat(output.getOut()).contains("change feed answers again");
        this.web.get().uri("/nl/outage").accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void theFeedIsAskedOnItsOwnScheduleOnceStarted() {
        PageCacheProperties every50ms = new PageCacheProperties(true, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofMinutes(1), DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), Duration.ofMinutes(1),
                DataSize.ofMegabytes(1), DataSize.ofKilobytes(1), true, Duration.ofMillis(50), Duration.ofSeconds(5));
        ChangeFollower scheduled = new ChangeFollower(this.feed, this.cache, every50ms);
        scheduled.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> content.sinces.size() >= 3);
            assertThat(scheduled.since()).isEqualTo(1);
        }
        finally {
            scheduled.stop();
        }
        assertThat(scheduled.isRunning()).isFalse();
    }

    private void poll() {
        this.follower.poll().block(Duration.ofSeconds(5));
    }

    private void read(String path) {
        this.web.get().uri(path).exchange().expectStatus().isOk();
    }

    private static String feed(long revision, boolean complete, boolean more, String... changes) {
        return "{\"revision\":" + revision + ",\"complete\":" + complete + ",\"changes\":[" + String.join(",", changes)
                + "],\"more\":" + more + "}";
    }

    private static String page(long revision, String path, boolean removed) {
        return "{\"revision\":" + revision + ",\"scope\":\"page\",\"lang\":\"nl\",\"path\":\"" + path
                + "\",\"removed\":" + removed + "}";
    }

    private static String through(long through, String feed) {
        return feed.substring(0, feed.length() - 1) + ",\"through\":" + through + "}";
    }

    private static String post(long revision, String path, boolean removed) {
        return page(revision, path, removed).replace("\"scope\"", "\"kind\":\"post\",\"scope\"");
    }

    private static String site(long revision) {
        return "{\"revision\":" + revision + ",\"scope\":\"site\"}";
    }

    /** content-service's change feed: answers {@link #answer} for the asked {@code since}, or {@link #status}. */
    static final class FeedStub {

        final List<Long> sinces = new CopyOnWriteArrayList<>();

        volatile LongFunction<String> answer = since -> feed(1, true, false);

        volatile int status = 200;

        final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/api/content/v1/changes", (request, response) -> {
                    String query = request.uri().substring(request.uri().indexOf('?') + 1);
                    long since = Long.parseLong(query.replace("since=", ""));
                    this.sinces.add(since);
                    if (this.status != 200) {
                        return response.status(this.status).send();
                    }
                    return response.header("Content-Type", "application/json")
                            .sendString(Mono.just(this.answer.apply(since)), StandardCharsets.UTF_8).then();
                })).bindNow();

        String url() {
            return "http://127.0.0.1:" + this.server.port();
        }
    }
}
