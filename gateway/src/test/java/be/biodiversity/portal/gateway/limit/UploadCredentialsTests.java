package be.biodiversity.portal.gateway.limit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads with credentials a service would refuse: the gateway answers before the body is read and closes the
 * connection, instead of streaming 48 MB to a service that said no after the first bytes. Raw sockets, because a
 * client library would wait to send its whole body; each test is its own client address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.page-cache.enabled=false", "portal.limits.client-ip-header=X-Client-Ip",
        "portal.limits.auth-failures.requests=3", "portal.limits.auth-failures.period=60s" })
class UploadCredentialsTests {

    /** How long a test waits for an answer at most: far longer than a refusal takes, far shorter than the upload. */
    static final int ANSWER_WITHIN_MILLIS = 10_000;

    static final EditorService service = new EditorService("Bearer the-token");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", service::url);
        registry.add("portal.directory.url", service::url);
        registry.add("portal.render.url", service::url);
    }

    @AfterAll
    static void stop() {
        service.server.disposeNow();
    }

    @BeforeEach
    void clear() {
        service.seen.clear();
        service.bodyBytes.set(0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/content/v1/imports?prune=false", "/api/directory/v1/imports/registry",
            "/api/content/v1/literature/imports", "/api/content/v1/assets/x.png" })
    void aWrongTokenIsRefusedBeforeTheBodyAndTheConnectionClosed(String path) throws IOException {
        String answer = partialUpload(path, "Authorization: Bearer not-the-token\r\n", "10.9.0." + path.length());
        assertThat(answer).startsWith("HTTP/1.1 401").contains("Bearer error=\"invalid_token\"").contains("\"field\":\"Authorization\"");
        assertThat(service.seen).as("what reached the service").containsExactly("OPTIONS " + path);
        assertThat(service.bodyBytes).hasValue(0);
    }

    @Test
    void anotherSchemeIsRefusedWithoutAskingTheService() throws IOException {
        for (String scheme : List.of("Basic ZWRpdG9yOnNlY3JldA==", "Digest x", "Bearer-ish the-token", "the-token")) {
            String answer = partialUpload("/api/content/v1/imports", "Authorization: " + scheme + "\r\n", "10.9.1.1");
            assertThat(answer).as(scheme).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Bearer");
        }
        assertThat(service.seen).isEmpty();
    }

    @Test
    void aSmallChunkedBodyIsReadToItsEndAfterTheRefusalAndTheConnectionKept() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            for (int i = 0; i < 2; i++) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/content/v1/imports HTTP/1.1\r\nHost: portal\r\nX-Client-Ip: 10.9.5.1\r\n"
                        + "Authorization: Bearer not-the-token\r\nContent-Type: application/zip\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk(3000));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(answer(socket.getInputStream())).as("answer %d on one connection", i).startsWith("HTTP/1.1 401");
            }
        }
    }

    @Test
    void theRightTokenIsCheckedOnceThenUploadsGoStraightThrough() throws IOException {
        for (int i = 0; i < 2; i++) {
            String answer = upload("/api/content/v1/imports", "Authorization: bearer the-token\r\n", "10.9.2.1",
                    300_000);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
        assertThat(service.seen).containsExactly("OPTIONS /api/content/v1/imports", "POST /api/content/v1/imports",
                "POST /api/content/v1/imports");
        assertThat(service.bodyBytes).hasValue(2 * 300_000);
    }

    @Test
    void aSmallUploadIsNotCheckedTheServiceRefusesIt() throws IOException {
        assertThat(upload("/api/content/v1/pages", "Authorization: Bearer not-the-token\r\n", "10.9.6.1", 1000))
                .startsWith("HTTP/1.1 401");
        assertThat(service.seen).containsExactly("POST /api/content/v1/pages");
    }

    @Test
    void refusedChecksCountAsGuesses() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(partialUpload("/api/content/v1/pages", "Authorization: Bearer guess-" + i + "\r\n", "10.9.3.1"))
                    .startsWith("HTTP/1.1 401");
        }
        assertThat(partialUpload("/api/content/v1/pages", "Authorization: Bearer guess-4\r\n", "10.9.3.1"))
                .startsWith("HTTP/1.1 429");
        assertThat(service.seen).hasSize(3);
    }

    /**
     * The head of an upload as large as the path allows (48 MB to imports, else 900 KB) and its first 64 KB; the
     * answer, and then whether the gateway closed.
     */
    private String partialUpload(String path, String credentials, String client) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: portal\r\nX-Client-Ip: " + client + "\r\n" + credentials
                    + "Content-Type: application/zip\r\nContent-Length: " + (path.contains("/imports") ? 48_000_000 : 900_000)
                    + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[65536]);
            out.flush();
            String answer = answer(socket.getInputStream());
            assertThat(closed(socket.getInputStream())).as("the connection is closed after the answer").isTrue();
            return answer;
        }
    }

    private String upload(String path, String credentials, String client, int length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: portal\r\nX-Client-Ip: " + client + "\r\n" + credentials
                    + "Content-Type: application/zip\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[length]);
            out.flush();
            return answer(socket.getInputStream());
        }
    }

    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = new byte[head.length + size + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    /** Head and body of one answer (its body as long as its {@code Content-Length}). */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            assertThat(b).as("an answer before the body was sent; so far: %s", head).isNotNegative();
            head.append((char) b);
        }
        var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int remaining = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(remaining);
        return head + new String(body, StandardCharsets.UTF_8);
    }

    /** The gateway ended the connection: end of stream or a reset, not a read that waits for more. */
    private static boolean closed(InputStream in) {
        try {
            return in.read() < 0;
        }
        catch (IOException reset) {
            return !(reset instanceof java.net.SocketTimeoutException);
        }
    }

    /** A data service: refuses any request whose Authorization is not {@code token} at once, without its body. */
    static final class EditorService {

        final List<String> seen = new CopyOnWriteArrayList<>();

        final AtomicLong bodyBytes = new AtomicLong();

        final DisposableServer server;

        private final String token;

        EditorService(String token) {
            this.token = token;
            this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
        }

        String url() {
            return "http://127.0.0.1:" + this.server.port();
        }

        private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
            this.seen.add(request.method().name() + " " + request.uri());
            String authorization = request.requestHeaders().get("Authorization");
            if (authorization == null || !authorization.equalsIgnoreCase(this.token)) {
                return response.status(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .header("Content-Type", "application/problem+json").sendString(Mono.just("{\"status\":401}"))
                        .then();
            }
            return request.receive().doOnNext(b -> this.bodyBytes.addAndGet(b.readableBytes())).then()
                    .then(response.status(200).sendString(Mono.just("ok")).then());
        }
    }
}
