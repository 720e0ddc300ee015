package be.biodiversity.portal.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal as an operator runs it: four JVMs from the built jars, on free ports, on the embedded MongoDB
 * default. Started once for all system tests of a run and stopped when the JVM exits; a test that stops a
 * service starts it again before it ends.
 * <p>
 * The gateway takes the client's address from {@value #CLIENT_ADDRESS_HEADER}, as it does behind a load balancer:
 * a test that sends many API requests says it is many clients, so it neither runs into the per-client budgets
 * nor uses up those of the other tests (which send no such header and are counted by their remote address).
 */
public final class Portal {

    /** The header the gateway reads the client's address from. */
    public static final String CLIENT_ADDRESS_HEADER = "X-Real-IP";

    public static final String EDITOR_TOKEN = "system-test-editor-token";
    /** No GBIF here: a closed local port, refused at once (a name that does not resolve can take seconds). */
    static final String NO_GBIF = "http://127.0.0.1:9/v1";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Portal running;

    final ServiceProcess content;
    final ServiceProcess directory;
    final ServiceProcess render;
    final ServiceProcess gateway;

    private Portal(String name, List<String> contentArguments) throws Exception {
        this(name, contentArguments, List.of());
    }

    private Portal(String name, List<String> contentArguments, List<String> gatewayArguments) throws Exception {
        this(name, contentArguments, gatewayArguments, NO_GBIF);
    }

    private Portal(String name, List<String> contentArguments, List<String> gatewayArguments, String renderGbif)
            throws Exception {
        Path work = Files.createTempDirectory("portal-system-test");
        Path logs = Path.of("target", "system-test-logs", name);
        List<String> contentArgs = new java.util.ArrayList<>(List.of(
                "--portal.mongodb.embedded.data-dir=" + work.resolve("content"),
                "--portal.editor.token=" + EDITOR_TOKEN,
                // The literature sample (marked sample: true, labelled as such on the pages), no sync with GBIF:
                // these machines have no internet.
                "--portal.content.literature.sample=true", "--portal.content.literature.sync.interval=0",
                "--portal.gbif.api-url=" + NO_GBIF));
        contentArgs.addAll(contentArguments);
        content = new ServiceProcess("content-service", logs, contentArgs);
        directory = new ServiceProcess("directory-service", logs, List.of(
                "--portal.mongodb.embedded.data-dir=" + work.resolve("directory"),
                "--portal.editor.token=" + EDITOR_TOKEN, "--portal.gbif.api-url=" + NO_GBIF,
                "--portal.registry.sync.scheduled=false"));
        // render-service asks GBIF for its occurrence, dataset and collection pages and the home figures: no GBIF
        // here (these machines have no internet) unless a test gives it a stub (withGbif).
        render = new ServiceProcess("render-service", logs, List.of(
                "--portal.content.url=" + content.url(), "--portal.directory.url=" + directory.url(),
                "--portal.gbif.api-url=" + renderGbif));
        List<String> gatewayArgs = new java.util.ArrayList<>(List.of(
                "--portal.content.url=" + content.url(), "--portal.directory.url=" + directory.url(),
                "--portal.render.url=" + render.url(), "--portal.limits.client-ip-header=" + CLIENT_ADDRESS_HEADER));
        gatewayArgs.addAll(gatewayArguments);
        gateway = new ServiceProcess("gateway", logs, gatewayArgs);
        try {
            for (ServiceProcess service : all()) {
                service.start();
            }
            for (ServiceProcess service : all()) {
                service.awaitHealthy(Duration.ofSeconds(120));
            }
        }
        catch (Exception | Error ex) {
            // A portal that could not start is stopped whole: no process is left behind.
            stopAll();
            throw ex;
        }
    }

    public static synchronized Portal get() throws Exception {
        if (running == null) {
            running = new Portal("demo", List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(running::stopAll));
        }
        return running;
    }

    /** A portal of its own whose content-service imports a Jekyll site at start; stop it with {@link #stop()}. */
    static Portal importing(Path site) throws Exception {
        // A crawler is one client following every facet and category link: more uncached query pages a minute than
        // the per-client read budget allows a visitor (the budget itself is tested by HostileInputIT and the gateway).
        return new Portal("imported", List.of("--portal.content.import.dir=" + site.toAbsolutePath()),
                List.of("--portal.limits.read.requests=100000"));
    }

    /** A portal of its own whose render-service asks this GBIF API (a stub); stop it with {@link #stop()}. */
    static Portal withGbif(String gbifApiUrl) throws Exception {
        return new Portal("gbif", List.of(), List.of(), gbifApiUrl);
    }

    void stop() {
        stopAll();
    }

    public URI uri(String path) {
        return URI.create(gateway.url() + path);
    }

    /** The gateway's management port (health, Prometheus), which visitors never reach. */
    public URI managementUri(String path) {
        return URI.create(gateway.managementUrl() + path);
    }

    /**
     * The addresses ({@code host:port}) only the portal itself uses: the three services behind the gateway and the
     * gateway's management port. No answer to a visitor may name one.
     */
    public List<String> internalAddresses() {
        return List.of("127.0.0.1:" + content.port, "127.0.0.1:" + directory.port, "127.0.0.1:" + render.port,
                "127.0.0.1:" + gateway.managementPort, "localhost:" + content.port, "localhost:" + directory.port,
                "localhost:" + render.port);
    }

    /** The log file a service of this portal writes (standard output and error). */
    public Path log(String service) {
        return all().stream().filter(s -> s.name.equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service)).log();
    }

    /**
     * The lines the services logged at ERROR since {@code since} ({@code service: line}); a log line starts with its
     * time (Boot's default pattern). A portal a visitor browses without fault logs none.
     */
    public List<String> errorsLoggedSince(Instant since) throws IOException {
        List<String> errors = new ArrayList<>();
        for (ServiceProcess service : all()) {
            if (!Files.exists(service.log())) {
                continue;
            }
            for (String line : Files.readAllLines(service.log(), StandardCharsets.ISO_8859_1)) {
                if (line.contains(" ERROR ") && loggedSince(line, since)) {
                    errors.add(service.name + ": " + line);
                }
            }
        }
        return errors;
    }

    private static boolean loggedSince(String line, Instant since) {
        int space = line.indexOf(' ');
        try {
            return space > 0 && !OffsetDateTime.parse(line.substring(0, space)).toInstant().isBefore(since);
        }
        catch (DateTimeParseException ex) {
            return false; // a stack trace's line, or anything not starting with a time
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + EDITOR_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops a service, runs the check, and starts the service again whatever the check did. */
    void without(ServiceProcess service, ThrowingRunnable check) throws Exception {
        service.stop();
        try {
            check.run();
        }
        finally {
            service.start();
            service.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private List<ServiceProcess> all() {
        return List.of(content, directory, render, gateway);
    }

    private void stopAll() {
        for (ServiceProcess service : all()) {
            try {
                service.stop();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
