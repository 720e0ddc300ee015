import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Client side of benchmarks/content/import-benchmark.sh (JDK only, run with `java ImportBenchmark.java`).
 * Uploads a Jekyll repository as a zip to a running content-service and times: the first import into an empty
 * database, full imports with a warm JVM (each after an import of only _config.yml, which prunes everything),
 * re-imports of the unchanged repository, dry runs, and the first (resolving) and second (cached) read of
 * every page. Prints lines "KEY|value|..." for the script.
 */
public class ImportBenchmark {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = args[1];
        Path site = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        byte[] full = zip(site, false);
        byte[] configOnly = zip(site, true);

        long t = System.nanoTime();
        String first = upload(full, false);
        System.out.println("COLD|" + ms(t) + "|" + field(first, "created"));
        System.out.println("COUNTS|" + first.replaceAll(".*\"counts\":(\\{.*?\\}\\}).*", "$1"));
        System.out.println("WARNINGS|" + field(first, "warnings"));

        List<Double> warm = new ArrayList<>();
        List<Double> unchanged = new ArrayList<>();
        List<Double> dry = new ArrayList<>();
        List<Double> firstRead = new ArrayList<>();
        List<Double> cachedRead = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            upload(configOnly, false);
            t = System.nanoTime();
            upload(full, false);
            warm.add(ms(t));
            List<String[]> pages = pages();
            for (String[] page : pages) {
                t = System.nanoTime();
                get("/api/content/v1/pages?lang=" + page[0] + "&path=" + URLEncoder.encode(page[1], StandardCharsets.UTF_8));
                firstRead.add(ms(t));
            }
            for (String[] page : pages) {
                t = System.nanoTime();
                get("/api/content/v1/pages?lang=" + page[0] + "&path=" + URLEncoder.encode(page[1], StandardCharsets.UTF_8));
                cachedRead.add(ms(t));
            }
            t = System.nanoTime();
            String again = upload(full, false);
            unchanged.add(ms(t));
            if (!"0".equals(field(again, "created")) || !"0".equals(field(again, "updated"))) {
                throw new IllegalStateException("re-import changed something: " + again);
            }
            t = System.nanoTime();
            upload(full, true);
            dry.add(ms(t));
        }
        System.out.println("WARM|" + median(warm) + "|" + Collections.min(warm) + "|" + Collections.max(warm));
        System.out.println("UNCHANGED|" + median(unchanged) + "|" + Collections.min(unchanged) + "|" + Collections.max(unchanged));
        System.out.println("DRYRUN|" + median(dry) + "|" + Collections.min(dry) + "|" + Collections.max(dry));
        System.out.println("READ_FIRST|" + median(firstRead) + "|" + p95(firstRead) + "|" + firstRead.size());
        System.out.println("READ_CACHED|" + median(cachedRead) + "|" + p95(cachedRead) + "|" + cachedRead.size());
    }

    static String upload(byte[] zip, boolean dryRun) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/api/content/v1/imports?name=site.zip&wait=true&dryRun=" + dryRun))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** [lang, permalink] of every published page and post. */
    static List<String[]> pages() throws IOException, InterruptedException {
        String body = get("/api/content/v1/pages?limit=1000");
        List<String[]> pages = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(body.substring(body.indexOf("\"results\"")));
        while (m.find()) {
            Matcher lang = Pattern.compile("\"lang\":\"(\\w+)\"").matcher(m.group());
            Matcher permalink = Pattern.compile("\"permalink\":\"([^\"]+)\"").matcher(m.group());
            if (lang.find() && permalink.find()) {
                pages.add(new String[] { lang.group(1), permalink.group(1) });
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("no pages listed: " + body);
        }
        return pages;
    }

    static byte[] zip(Path root, boolean configOnly) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (configOnly && !name.equals("_config.yml")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static double ms(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static double p95(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
