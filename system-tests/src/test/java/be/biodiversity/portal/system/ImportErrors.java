package be.biodiversity.portal.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;

/**
 * The errors an import of a site folder with default settings reports, from a dry run through the gateway (the same
 * report as the import, nothing written). Files over 1 MB (full-size photos) stay out of the archive, so it fits the
 * gateway's upload limit; the import itself took the whole folder at start-up.
 */
final class ImportErrors {

    private static final long MAX_FILE = 1_000_000;

    private ImportErrors() {
    }

    /** Each error as "file:line: message (action)"; the counts of the report first. */
    static List<String> of(Portal portal, Path site) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(portal.uri("/api/content/v1/imports?dryRun=true&wait=true&name="
                + site.getFileName())).header("Authorization", "Bearer " + Portal.EDITOR_TOKEN)
                .header("Content-Type", "application/zip").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(site))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return List.of("the dry run answered " + answer.statusCode() + ": " + answer.body());
        }
        List<Map<String, Object>> errors = JsonPath.read(answer.body(), "$.problems[?(@.severity == 'ERROR')]");
        int warnings = JsonPath.read(answer.body(), "$.warnings");
        System.out.println("[" + site.getFileName() + "] import report: " + JsonPath.read(answer.body(), "$.counts")
                + ", " + errors.size() + " errors, " + warnings + " warnings");
        return errors.stream().map(e -> e.get("file") + ":" + e.get("line") + ": " + e.get("message") + " ("
                + e.get("action") + ")").toList();
    }

    private static byte[] zip(Path site) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (Files.size(file) <= MAX_FILE) {
                    zip.putNextEntry(new ZipEntry(site.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        return bytes.toByteArray();
    }
}
