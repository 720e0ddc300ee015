package be.biodiversity.portal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

import org.springframework.core.io.ClassPathResource;

/**
 * An in-process HTTP server standing in for content-service or directory-service. It answers
 * {@code GET path?query} with a canned response (query parameters matched decoded and in any
 * order), anything else with 404 {@code application/problem+json}, like the real providers.
 * Test-only; shared by the client tests and the application test.
 */
public final class ProviderStub implements AutoCloseable {

    private static final Response NOT_FOUND = new Response(404, "application/problem+json",
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");

    private final Map<String, Response> responses = new ConcurrentHashMap<>();

    private final List<String> requests = new CopyOnWriteArrayList<>();

    /**
     * The stub's own event loop. On Reactor Netty's shared loops it would stop with the first application context a
     * test closes (Boot disposes the shared resources then), and its own close would time out on a dead loop.
     */
    private final LoopResources loop = LoopResources.create("provider-stub", 1, true);

    private final DisposableServer server;

    private volatile Response failure;

    private volatile boolean down;

    private final List<String> traceparents = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile Duration delay = Duration.ZERO;

    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    private volatile String heldPrefix;

    private volatile Mono<?> gate = Mono.empty();

    private ProviderStub() {
        this.server = HttpServer.create().runOn(this.loop).host("127.0.0.1").port(0).handle(this::handle).bindNow();
        // content-service's description of the site every page reads (site/Sites): the demo's, unless a test says
        json(SITE, "contracts/content/site.json");
    }

    /** content-service's {@code GET /api/content/v1/site}, answered by every stub with {@code site.json}. */
    public static final String SITE = "/api/content/v1/site";

    public static ProviderStub start() {
        return new ProviderStub();
    }

    /** Answers {@code pathAndQuery} with 200 and a JSON file from the test classpath. */
    public ProviderStub json(String pathAndQuery, String classpathResource) {
        return respond(pathAndQuery, 200, "application/json", read(classpathResource));
    }

    public ProviderStub respond(String pathAndQuery, int status, String contentType, String body) {
        this.responses.put(key(pathAndQuery), new Response(status, contentType, body));
        return this;
    }

    /** From now on every request gets this status (until {@link #healthy()}). */
    public void failWith(int status) {
        this.failure = new Response(status, "application/problem+json",
                "{\"type\":\"about:blank\",\"status\":" + status + "}");
    }

    /** From now on every connection is closed without an answer, as by a crashed process. */
    public void goDown() {
        this.down = true;
    }

    /** From now on every answer is sent this late. */
    public void delayBy(Duration delay) {
        this.delay = delay;
    }

    /**
     * From now on the answer to each request whose {@code path?query} starts with {@code prefix} waits until
     * {@code gate} (subscribed once per such request) completes.
     */
    public void holdAnswers(String prefix, Mono<?> gate) {
        this.gate = gate;
        this.heldPrefix = prefix;
    }

    /** Back to the canned answers, on time. */
    public void healthy() {
        this.heldPrefix = null;
        this.gate = Mono.empty();
        this.failure = null;
        this.down = false;
        this.delay = Duration.ZERO;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + this.server.port();
    }

    /** The W3C trace context headers received so far. */
    public List<String> traceparents() {
        return List.copyOf(this.traceparents);
    }

    /** The {@code User-Agent} headers received so far. */
    public List<String> userAgents() {
        return List.copyOf(this.userAgents);
    }

    /** The requests received so far, as normalised {@code path?query}. */
    public List<String> requests() {
        return List.copyOf(this.requests);
    }

    @Override
    public void close() {
        this.server.disposeNow();
        this.loop.disposeLater(Duration.ZERO, Duration.ofSeconds(10)).block();
    }

    public static String read(String classpathResource) {
        try {
            return new ClassPathResource(classpathResource).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String key = key(request.uri());
        this.requests.add(key);
        String userAgent = request.requestHeaders().get("User-Agent");
        if (userAgent != null) {
            this.userAgents.add(userAgent);
        }
        String traceparent = request.requestHeaders().get("traceparent");
        if (traceparent != null) {
            this.traceparents.add(traceparent);
        }
        if (this.down) {
            response.withConnection((connection) -> connection.channel().close());
            return Mono.empty();
        }
        Response answer = (this.failure != null) ? this.failure : this.responses.getOrDefault(key, NOT_FOUND);
        String held = this.heldPrefix;
        Mono<?> wait = (held != null && key.startsWith(held)) ? this.gate : Mono.empty();
        return wait.then(Mono.delay(this.delay))
            .then(response.status(answer.status())
                .header("Content-Type", answer.contentType())
                .sendString(Mono.just(answer.body()), StandardCharsets.UTF_8)
                .then());
    }

    private static String key(String uri) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
        if (decoder.parameters().isEmpty()) {
            return decoder.path();
        }
        String query = new TreeMap<>(decoder.parameters()).entrySet()
            .stream()
            .flatMap((entry) -> entry.getValue().stream().map((value) -> entry.getKey() + "=" + value))
            .collect(Collectors.joining("&"));
        return decoder.path() + "?" + query;
    }

    private record Response(int status, String contentType, String body) {
    }

}
