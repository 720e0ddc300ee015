package be.biodiversity.portal.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.biodiversity.portal.testsupport.Skips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's first five minutes (issue 16): {@code ./run-local.sh} itself, on its own ports, with the site it
 * picks by default, and the very first requests after it says all four services are healthy. Each must answer 200:
 * a cold service behind a "healthy" health check once answered the first click with 503.
 */
class FirstClickIT {

    private static final int[] PORTS = { 8080, 8081, 8082, 8083, 8090 };
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Process portal;
    static final List<String> output = new ArrayList<>();
    static final CompletableFuture<Void> healthy = new CompletableFuture<>();

    @BeforeAll
    static void start() throws Exception {
        for (int port : PORTS) {
            Skips.unless(free(port), "port " + port + " is in use (a portal running here?); run-local.sh needs 8080-8083"
                    + " and 8090, so the first-click test did not run");
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh").directory(ServiceConfig.ROOT.toFile())
                .redirectErrorStream(true);
        // The services' data in memory, so the test leaves the developer's ./data alone; a token of its own.
        builder.environment().put("PORTAL_MONGODB_EMBEDDED_INMEMORY", "true");
        builder.environment().put("PORTAL_EDITOR_TOKEN", "first-click-token");
        portal = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(portal.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("All four services are healthy")) {
                        healthy.complete(null);
                    }
                }
                healthy.completeExceptionally(new IllegalStateException("run-local.sh ended: " + output()));
            }
            catch (IOException ex) {
                healthy.completeExceptionally(ex);
            }
        }, "run-local output");
        reader.setDaemon(true);
        reader.start();
        healthy.get(10, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal == null) {
            return;
        }
        // run-local.sh stops the four services on TERM (its trap), then exits.
        portal.toHandle().destroy();
        if (!portal.waitFor(60, TimeUnit.SECONDS)) {
            portal.descendants().forEach(ProcessHandle::destroyForcibly);
            portal.destroyForcibly();
        }
    }

    @Test
    void theFirstRequestsAfterHealthyAnswer200() throws Exception {
        // No request of any kind before these: they are the visitor's first clicks.
        assertFirstAnswer("/nl/community");
        assertFirstAnswer("/");
        HttpResponse<String> organisations = get("/api/directory/v1/organisations?limit=1");
        Matcher key = KEY.matcher(organisations.body());
        assertThat(key.find()).as("an organisation in %s", organisations.body()).isTrue();
        assertFirstAnswer("/publisher/" + key.group(1));
    }

    private static void assertFirstAnswer(String path) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = get(path);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("[first-click] " + path + " -> " + answer.statusCode() + " in " + millis + " ms");
        assertThat(answer.statusCode()).as("first answer of %s after run-local.sh said healthy (%d ms)", path, millis)
                .isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean free(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        }
        catch (IOException ex) {
            return true;
        }
    }

    private static String output() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()));
        }
    }
}
