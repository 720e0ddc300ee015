package be.biodiversity.portal.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the portal, started from its built jar as a separate JVM on a free port; a service whose
 * configuration gives its actuator a port of its own (the gateway's {@code management.server.port}) gets a second
 * free port for it.
 */
final class ServiceProcess {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final int managementPort;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path logDir, List<String> arguments) {
        this.name = name;
        this.port = freePort();
        this.managementPort = ServiceConfig.of(name).hasManagementPort() ? freePort(port) : port;
        this.arguments = arguments;
        this.log = logDir.resolve(name + ".log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the service's actuator answers: its own port, or its management port if it has one. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    Path log() {
        return log;
    }

    void start() throws IOException {
        Path jar = jar(name);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port));
        if (managementPort != port) {
            command.add("--management.server.port=" + managementPort);
        }
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until {@code /actuator/health} (on the management port) answers UP, failing with the end of the log. */
    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail());
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build();
                HttpResponse<String> health = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "\n" + tail());
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static Path jar(String service) {
        Path root = Path.of(System.getProperty("portal.root", ".."));
        Path jar = root.resolve(service).resolve("target")
                .resolve(service + "-" + System.getProperty("portal.version", "0.1.0-SNAPSHOT") + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No built jar at " + jar.toAbsolutePath()
                    + ": run the whole build (./mvnw verify), which packages the services before these tests");
        }
        return jar;
    }

    /** A port free now and none of {@code taken} (two ports picked in a row could otherwise be the same). */
    private static int freePort(int... taken) {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            catch (IOException ex) {
                throw new IllegalStateException("No free port", ex);
            }
            if (Arrays.stream(taken).noneMatch(t -> t == port)) {
                return port;
            }
        }
    }
}
