package be.biodiversity.portal.system.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that would pin the gateway (issue #11, findings 2 and 6): half-sent headers, silent connections and
 * headers dripped byte by byte are closed within seconds; a flood of them from one address leaves health on the
 * management port and pages for everyone else answering, and writes few log lines; uploads without credentials are
 * refused before their body is read; uploads held open mid-body hurt no one else; malformed multipart is a 4xx.
 * <p>
 * These cases wait for the gateway's own timeouts, the only clock there is in a running portal: each bounds a wait,
 * none sleeps for a fixed time to see what happened.
 */
final class ConnectionCases {

    /** A header read timeout is "a few seconds"; this is how long a slow connection may live at most. */
    static final Duration CLOSED_WITHIN = Duration.ofSeconds(20);

    /** Half-sent headers from one address in the flood. */
    static final int FLOOD = 400;

    /** More connections than this from one address are a flood (the gateway's cap is 128 by default). */
    static final int MAX_PER_ADDRESS = 150;

    /** Closed "at once": well before a header timeout of a few seconds. */
    static final Duration AT_ONCE = Duration.ofMillis(2500);

    /** WARN lines the gateway may write for the whole flood (they are rate-limited). */
    static final int MAX_WARN_LINES = 30;

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ConnectionCases() {
    }

    static List<HostileCase> all(URI health, Path gatewayLog) {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(HostileCase.of(Category.CONNECTIONS, "half a header, nothing at all, and a header dripped byte by byte "
                + "are each closed within " + CLOSED_WITHIN.toSeconds() + " s", client -> slowConnections(client.http())));
        cases.add(HostileCase.of(Category.CONNECTIONS, FLOOD + " half-sent headers from one address: health on the "
                + "management port and pages for others answer, the connections are closed, few log lines",
                client -> flood(client, health, gatewayLog)));
        cases.addAll(uploadsWithoutCredentials());
        cases.add(HostileCase.of(Category.CONNECTIONS, "six uploads with the token held open mid-body: visitors, the API and "
                + "health are served meanwhile", client -> heldUploads(client, health)));
        cases.addAll(malformedMultipart());
        return cases;
    }

    private static void slowConnections(RawHttp gateway) throws Exception {
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (Socket half = open(gateway, "127.0.0.4"); Socket silent = open(gateway, "127.0.0.4");
                Socket dripped = open(gateway, "127.0.0.4")) {
            write(half, "GET /nl/community HTTP/1.1\r\nHost: portal\r\nX-Slow: a");
            byte[] header = "GET /nl/community HTTP/1.1\r\nHost: portal\r\nX-Drip: ".getBytes(StandardCharsets.ISO_8859_1);
            int[] at = { 0 };
            drip.scheduleAtFixedRate(() -> {
                try {
                    dripped.getOutputStream().write(at[0] < header.length ? header[at[0]++] : 'a');
                }
                catch (IOException closed) {
                    throw new IllegalStateException("closed");
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            List<CompletableFuture<Duration>> closes = List.of(closedWithin(half, start), closedWithin(silent, start),
                    closedWithin(dripped, start));
            String[] names = { "half a header", "nothing at all", "a byte every 0.5 s" };
            for (int i = 0; i < names.length; i++) {
                Duration took = closes.get(i).get();
                assertThat(took).as("the gateway kept a connection sending %s open for", names[i]).isNotNull()
                        .isLessThan(CLOSED_WITHIN);
            }
        }
        finally {
            drip.shutdownNow();
        }
    }

    private static void flood(Client client, URI health, Path gatewayLog) throws Exception {
        long logBefore = Files.size(gatewayLog);
        List<Socket> sockets = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < FLOOD; i++) {
                try {
                    Socket socket = open(client.http(), "127.0.0.5");
                    sockets.add(socket);
                    write(socket, "GET /nl/community HTTP/1.1\r\nHost: portal\r\nX-Slow: a");
                }
                catch (IOException closedOrRefused) {
                    refused++;
                }
            }
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).as("health on the management port during the flood: %s", up.body()).isEqualTo(200);
            Answer page = client.send(Request.get("/nl/community"));
            assertThat(page.status()).as("a page for another address during the flood: %s", page).isEqualTo(200);
            assertThat(page.elapsed()).as("the page took").isLessThan(Duration.ofSeconds(5));
            Answer api = client.send(Request.get("/api/content/v1/revision"));
            assertThat(api.status()).as("the API for another address during the flood: %s", api).isEqualTo(200);
            long start = System.nanoTime();
            List<CompletableFuture<Duration>> closes = sockets.stream().map(s -> closedWithin(s, start)).toList();
            int open = 0;
            int soon = refused;
            for (CompletableFuture<Duration> close : closes) {
                Duration took = close.get();
                open += took == null ? 1 : 0;
                soon += took != null && took.compareTo(AT_ONCE) < 0 ? 1 : 0;
            }
            assertThat(open).as("of %d flood connections (%d refused at once), still open after %s s", sockets.size(),
                    refused, CLOSED_WITHIN.toSeconds()).isZero();
            // One address may hold only so many connections (the gateway's default is 128): the rest are closed at
            // once, long before any header timeout.
            assertThat(soon).as("of %d connections from one address, closed or refused within %s ms", FLOOD,
                    AT_ONCE.toMillis()).isGreaterThanOrEqualTo(FLOOD - MAX_PER_ADDRESS);
        }
        finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        byte[] log = Files.readAllBytes(gatewayLog);
        int from = (int) Math.min(logBefore, log.length);
        String added = new String(log, from, log.length - from, StandardCharsets.UTF_8);
        long warnings = added.lines().filter(line -> line.contains("WARN") || line.contains("ERROR")).count();
        assertThat(warnings).as("WARN/ERROR lines the gateway wrote for the flood").isLessThanOrEqualTo(MAX_WARN_LINES);
    }

    private static List<HostileCase> uploadsWithoutCredentials() {
        List<HostileCase> cases = new ArrayList<>();
        List<String[]> endpoints = List.of(new String[] { "/api/content/v1/imports?prune=false&wait=true", "application/zip" },
                new String[] { "/api/directory/v1/imports/registry", "application/json" },
                new String[] { "/api/content/v1/literature/imports", "application/json" },
                new String[] { "/api/content/v1/imports?prune=false&wait=true", "multipart/form-data; boundary=hostile" });
        // A wrong token is refused by the gateway after asking the service (OPTIONS, no body), Basic at the gateway.
        List<String[]> credentials = List.of(new String[] { "no token", "" },
                new String[] { "a wrong token", "Authorization: Bearer not-the-token\r\n" },
                new String[] { "the Basic scheme", "Authorization: Basic ZWRpdG9yOnNlY3JldA==\r\n" });
        for (String[] endpoint : endpoints) {
            for (String[] credential : credentials) {
                cases.add(HostileCase.of(Category.CONNECTIONS, "a 48 MB upload to " + endpoint[0].replaceAll("\\?.*", "") + " ("
                        + endpoint[1] + ") with " + credential[0] + " is refused before its body", client -> {
                            int status = partial(client, "POST " + endpoint[0] + " HTTP/1.1\r\n" + credential[1]
                                    + "Content-Type: " + endpoint[1] + "\r\nContent-Length: 48000000\r\n\r\n", 65536);
                            assertThat(status).as("the answer to an upload whose body is still coming").isBetween(400, 499);
                        }));
            }
            cases.add(HostileCase.of(Category.CONNECTIONS, "a chunked upload to " + endpoint[0].replaceAll("\\?.*", "") + " ("
                    + endpoint[1] + ") without a token is refused before its body", client -> {
                        int status = partial(client, "POST " + endpoint[0] + " HTTP/1.1\r\nContent-Type: " + endpoint[1]
                                + "\r\nTransfer-Encoding: chunked\r\n\r\n10000\r\n", 65536);
                        assertThat(status).as("the answer to a chunked upload whose body is still coming").isBetween(400, 499);
                    }));
            cases.add(HostileCase.of(Category.CONNECTIONS, "an upload to " + endpoint[0].replaceAll("\\?.*", "") + " ("
                    + endpoint[1] + ") without a token asking to continue is refused, not continued", client -> {
                        int status = partial(client, "POST " + endpoint[0] + " HTTP/1.1\r\nContent-Type: " + endpoint[1]
                                + "\r\nContent-Length: 48000000\r\nExpect: 100-continue\r\n\r\n", 0);
                        assertThat(status).as("the answer to Expect: 100-continue").isBetween(400, 499);
                    }));
        }
        return cases;
    }

    private static void heldUploads(Client client, URI health) throws Exception {
        List<Socket> uploads = new ArrayList<>();
        try {
            byte[] megabyte = new byte[1 << 20];
            for (int i = 0; i < 6; i++) {
                Socket socket = open(client.http(), "127.0.0.6");
                uploads.add(socket);
                write(socket, "POST /api/content/v1/imports?prune=false&wait=true&dryRun=true HTTP/1.1\r\nHost: portal\r\n"
                        + "X-Real-IP: 10.250.0." + i + "\r\nAuthorization: Bearer " + client.editorToken()
                        + "\r\nContent-Type: application/zip\r\nContent-Length: 48000000\r\n\r\n");
                // Not waited for: a gateway that stops reading (or refuses the upload over its cap) is fine.
                sendLater(socket, megabyte);
            }
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).as("health while uploads are held").isEqualTo(200);
            for (String target : List.of("/nl/community", "/api/content/v1/revision", "/api/content/v1/pages?lang=en&path=/hostile/fixture",
                    "/api/directory/v1/organisations?limit=1")) {
                Answer answer = client.another().send(Request.get(target));
                assertThat(answer.status()).as("%s while uploads are held: %s", target, answer).isEqualTo(200);
            }
            Answer editor = client.another().asEditor(Request.of("POST", "/api/content/v1/pages").json("{}"));
            assertThat(editor.status()).as("another editor write while uploads are held: %s", editor).isEqualTo(400);
        }
        finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
    }

    private static List<HostileCase> malformedMultipart() {
        List<HostileCase> cases = new ArrayList<>();
        List<String[]> bodies = List.of(new String[] { "no boundary", "multipart/form-data", "--x\r\n\r\nx\r\n--x--\r\n" },
                new String[] { "a boundary that never comes", "multipart/form-data; boundary=hostile", "no parts at all" },
                new String[] { "a part that is not named file", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n" },
                new String[] { "a cut-off part", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.zip\"\r\nContent-Type: application/zip\r\n\r\nPK" },
                new String[] { "a part without headers", "multipart/form-data; boundary=b", "--b\r\n\r\n\r\n--b--\r\n" },
                new String[] { "two file parts that are no zips", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n\r\nnot a zip\r\n"
                                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.zip\"\r\n\r\nnor this\r\n--b--\r\n" },
                new String[] { "an empty body", "multipart/form-data; boundary=b", "" },
                new String[] { "a boundary of 2,000 characters", "multipart/form-data; boundary=" + "b".repeat(2000), "--b--" });
        for (String[] body : bodies) {
            cases.add(HostileCase.of(Category.CONNECTIONS, "a multipart import with " + body[0] + " is a 4xx", client ->
                    Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/imports?prune=false&wait=true")
                            .body(body[1], body[2].getBytes(StandardCharsets.ISO_8859_1))))));
        }
        return cases;
    }

    /**
     * Sends the head and {@code bodyBytes} of a body that is announced bigger, then waits for an answer without sending
     * more: the status of the first final answer. Fails if none comes within the client's timeout (the gateway waits
     * for the body) or if it asks for the body with {@code 100 Continue}.
     */
    private static int partial(Client client, String head, int bodyBytes) throws IOException {
        try (Socket socket = open(client.http(), "127.0.0.1")) {
            String withHost = head.replaceFirst("\r\n", "\r\nHost: portal\r\nX-Real-IP: " + client.address() + "\r\n");
            write(socket, withHost);
            // Not waited for: the gateway may answer and close before it has read the part sent.
            sendLater(socket, new byte[bodyBytes]);
            socket.setSoTimeout((int) RawHttp.ANSWER_TIMEOUT.toMillis());
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            try {
                int b;
                while ((b = in.read()) >= 0 && seen.length() < 4096) {
                    seen.append((char) b);
                    Matcher status = Pattern.compile("HTTP/1\\.[01] (\\d{3})[^\r]*\r\n").matcher(seen);
                    if (status.find()) {
                        int code = Integer.parseInt(status.group(1));
                        assertThat(code).as("the gateway asked for the body").isNotEqualTo(100);
                        return code;
                    }
                }
            }
            catch (SocketTimeoutException ex) {
                throw new AssertionError("no answer within " + RawHttp.ANSWER_TIMEOUT + " to an upload whose body is "
                        + "still coming: the body is read before the credentials are checked", ex);
            }
            throw new AssertionError("the connection closed without an answer: " + seen);
        }
    }

    private static Socket open(RawHttp gateway, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(gateway.host(), gateway.port()), 2000);
        return socket;
    }

    private static void sendLater(Socket socket, byte[] bytes) {
        CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            }
            catch (IOException closed) {
                // refused midway or closed by the case: nothing to send any more
            }
        }, CLOSE_WAITERS);
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Completes with the time from {@code start} until the gateway closed the socket, or null after CLOSED_WITHIN. */
    private static CompletableFuture<Duration> closedWithin(Socket socket, long start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                long left = CLOSED_WITHIN.toMillis() - (System.nanoTime() - start) / 1_000_000;
                socket.setSoTimeout((int) Math.max(1, left));
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // an answer (408, 400) before the close is fine: read on to the close
                }
                return Duration.ofNanos(System.nanoTime() - start);
            }
            catch (SocketTimeoutException stillOpen) {
                return null;
            }
            catch (IOException reset) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }, CLOSE_WAITERS);
    }

    private static final java.util.concurrent.ExecutorService CLOSE_WAITERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "hostile-close-waiter");
        thread.setDaemon(true);
        return thread;
    });
}
