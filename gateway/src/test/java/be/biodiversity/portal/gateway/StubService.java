package be.biodiversity.portal.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An in-process HTTP service standing in for content-, directory- or render-service. It records every request
 * and behaves by path: {@code …/hang} never answers, {@code …/close} drops the connection, {@code …/status/NNN}
 * answers that status, {@code …/cookie} sets a cookie, {@code …/partial} says {@code max-age=0},
 * {@code …/slow} answers after 300 ms, {@code …/big} sends 8 KB of HTML, {@code …/large-300kb} 300 KB and
 * {@code …/large-3mb} 3 MB (a long page, beyond the codecs' 256 KB default and the page cache's 2 MB),
 * {@code /xx/…} is 404; anything else answers {@code "<name> <uri>"} (plus {@link #version(String)} if set).
 * Request headers are echoed back as {@code X-Echo-<name>}, and every answer carries banner and internal headers.
 * {@link #failing(Failure)} makes every path fail the same way, standing for a service that went down.
 */
public final class StubService {

    /** Ports no service listens on (bound once, then released). */
    public static int deadPort() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle((q, r) -> r.send()).bindNow();
        int port = server.port();
        server.disposeNow();
        return port;
    }

    /** How every request fails while the service is {@link #failing(Failure) failing}. */
    public enum Failure { NONE, STATUS_404, STATUS_503, CLOSE }

    public record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    private static final Pattern STATUS_PATH = Pattern.compile(".*/status/(\\d{3})");

    private final String name;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * The stub's own event loop: on Reactor Netty's shared loops it would stop with the first application context a
     * test closes (Boot disposes the shared resources then), and {@link #stop()} would time out on a dead loop.
     */
    private final LoopResources loop = LoopResources.create("stub-service", 1, true);

    private final DisposableServer server;

    private volatile String version = "";

    private volatile Failure failure = Failure.NONE;

    public StubService(String name) {
        this.name = name;
        this.server = HttpServer.create().runOn(this.loop).host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + this.server.port();
    }

    public List<Received> received() {
        return this.received;
    }

    public long count(String uri) {
        return this.received.stream().filter(r -> r.uri().equals(uri)).count();
    }

    /** Appended to the default answer: stands for an edit of the page. */
    public void version(String version) {
        this.version = version;
    }

    public void failing(Failure failure) {
        this.failure = failure;
    }

    public void stop() {
        this.server.disposeNow();
        this.loop.disposeLater(Duration.ZERO, Duration.ofSeconds(10)).block();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
            this.received.add(new Received(request.method().name(), uri, headers(request.requestHeaders()), body));
            request.requestHeaders().forEach(h -> response.addHeader("X-Echo-" + h.getKey(), h.getValue()));
            response.header("Server", "stub/1.0").header("X-Powered-By", "stub")
                    .header("X-Internal-Node", "stub-1").header("Content-Security-Policy", "default-src *");
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            if (this.failure == Failure.STATUS_503) {
                return html(response, 503, "down");
            }
            if (this.failure == Failure.STATUS_404) {
                return html(response, 404, "gone");
            }
            if (path.endsWith("/hang")) {
                return Mono.never();
            }
            if (path.endsWith("/close") || this.failure == Failure.CLOSE) {
                return Mono.fromRunnable(() -> response.withConnection(c -> c.channel().close()));
            }
            var statusPath = STATUS_PATH.matcher(path);
            if (statusPath.matches()) {
                return response.status(Integer.parseInt(statusPath.group(1))).sendString(Mono.just("status")).then();
            }
            if (path.endsWith("/partial")) {
                response.header("Cache-Control", "max-age=0, stale-if-error=900");
            }
            if (path.endsWith("/no-store")) {
                response.header("Cache-Control", "no-store");
            }
            if (path.endsWith("/aged")) {
                response.header("Cache-Control", "no-cache").header("Age", "15");
            }
            if (path.endsWith("/no-referrer")) {
                response.header("Referrer-Policy", "no-referrer");
            }
            if (path.endsWith("/unsafe-referrer")) {
                response.header("Referrer-Policy", "unsafe-url");
            }
            if (path.endsWith("/cookie")) {
                response.header("Set-Cookie", "session=1");
            }
            if (path.endsWith("/large-300kb") || path.endsWith("/large-3mb")) {
                int lines = path.endsWith("/large-3mb") ? 30_000 : 3_000;
                return html(response, 200, "<p>" + "Een lange tekst over biodiversiteit in België, met veel woorden. "
                        .repeat(lines / 2 * 3) + "</p><p>END</p>");
            }
            if (path.endsWith("/big")) {
                return html(response, 200, "<p>" + "biodiversity ".repeat(640) + this.version + "</p>");
            }
            Mono<Void> delay = path.endsWith("/slow") ? Mono.delay(Duration.ofMillis(300)).then() : Mono.empty();
            int status = path.startsWith("/xx/") ? 404 : 200;
            return delay.then(html(response, status, this.name + " " + uri + this.version));
        });
    }

    private static Mono<Void> html(HttpServerResponse response, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return response.status(status).header("Content-Type", "text/html;charset=UTF-8")
                .header("Content-Length", String.valueOf(bytes.length))
                .sendByteArray(Mono.just(bytes)).then();
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        return headers.entries().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue,
                (a, b) -> a + "," + b));
    }
}
