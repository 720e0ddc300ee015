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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loads generated organisations into a running directory-service through its registry upload API, then times
 * typical searches through the search API, one request at a time. Run by search-benchmark.sh; prints one markdown
 * table row per measurement to stdout. Single-file source (java SearchBenchmark.java), no dependencies.
 *
 * Arguments: base URL, editor token, number of organisations to load (0: none), requests per search kind (0: none).
 */
public class SearchBenchmark {

    static final String[] PREFIXES = { "Koninklijk", "Royal", "Institut", "Instituut", "Université", "Universiteit",
            "University", "Museum", "Musée", "Société", "Vereniging", "Association", "Centre", "Centrum", "Fondation",
            "Stichting", "Station", "Jardin", "Plantentuin", "Observatoire", "Laboratoire", "Agentschap", "Department" };
    static final String[] TOPICS = { "Natuur", "Nature", "Biodiversité", "Biodiversiteit", "Biodiversity", "Botanique",
            "Botany", "Zoologie", "Ornithology", "Vogels", "Oiseaux", "Insectes", "Insecten", "Marine", "Zee", "Forêt",
            "Bos", "Forest", "Herbarium", "Mycologie", "Paddenstoelen", "Amphibians", "Reptielen", "Flore", "Flora",
            "Fauna", "Écologie", "Ecology", "Water", "Rivières", "Landscape", "Erfgoed", "Patrimoine", "Sciences",
            "Wetenschappen", "Natuurwetenschappen", "Agriculture", "Landbouw", "Environment", "Milieu" };
    static final String[] CITIES = { "Brussel", "Bruxelles", "Antwerpen", "Gent", "Liège", "Namur", "Leuven",
            "Mons", "Brugge", "Hasselt", "Arlon", "Wavre", "Mechelen", "Kortrijk", "Tournai", "Meise", "Tervuren",
            "Ottignies", "Gembloux", "Oostende", "Paris", "Lille", "Amsterdam", "Utrecht", "Köln", "Lisboa", "Madrid",
            "København", "Oslo", "Tartu", "Kraków", "Zürich", "Nairobi", "Kinshasa", "Montréal", "Québec", "Lyon" };
    static final String[] COUNTRIES = { "BE", "BE", "BE", "BE", "FR", "NL", "DE", "PT", "ES", "DK", "NO", "EE", "PL",
            "CH", "KE", "CD", "CA", "US", "GB", "IT" };

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int total = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        // HTTP/1.1 as browsers and the gateway speak to the service, without an h2c upgrade offer on each request.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        if (total > 0) {
            load(http, base, token, total);
        }
        if (requests > 0) {
            searches(base, requests);
        }
    }

    static void load(HttpClient http, String base, String token, int total) throws Exception {
        long started = System.nanoTime();
        int pageSize = 1000;
        for (int offset = 0; offset < total; offset += pageSize) {
            String page = page(offset, Math.min(pageSize, total - offset), total);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/directory/v1/imports/registry")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(page))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Upload at offset " + offset + ": " + response.statusCode() + " "
                        + response.body());
            }
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "LOAD|%d|%.1f|%.0f%n", total, loadSeconds, total / loadSeconds);
    }

    static void searches(String base, int requests) throws IOException {
        HttpClient http = null;
        Random random = new Random(7);
        measure(http, base, requests, "one word (`q=natuur`-like, 20 per page)",
                () -> "q=" + enc(stem(pick(random, TOPICS))));
        measure(http, base, requests, "two words (`q=musee liege`-like)",
                () -> "q=" + enc(stem(pick(random, PREFIXES)) + " " + stem(pick(random, CITIES))));
        measure(http, base, requests, "filter only (`role=PUBLISHER&country=BE`-like, by name)",
                () -> "role=PUBLISHER&country=" + pick(random, COUNTRIES) + "&offset=" + random.nextInt(50) * 20);
        measure(http, base, requests, "one word + facets role, type, country",
                () -> "q=" + enc(stem(pick(random, TOPICS))) + "&facet=role&facet=type&facet=country");
        measure(http, base, requests, "no query, all facets, sort by datasets",
                () -> "facet=role&facet=type&facet=country&sort=datasets");
    }

    static void measure(HttpClient http, String base, int requests, String name, Supplier<String> query)
            throws IOException {
        for (int i = 0; i < Math.max(50, requests / 5); i++) {
            get(http, base, query.get());
        }
        long[] nanos = new long[requests];
        long matches = 0;
        for (int i = 0; i < requests; i++) {
            String q = query.get();
            long start = System.nanoTime();
            String body = get(http, base, q);
            nanos[i] = System.nanoTime() - start;
            int at = body.indexOf("\"count\":");
            matches += Long.parseLong(body.substring(at + 8, body.indexOf(',', at)));
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "SEARCH|%s|%d|%.1f|%.1f|%.1f|%d%n", name, requests,
                nanos[requests / 2] / 1e6, nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6,
                nanos[requests - 1] / 1e6, matches / requests);
    }

    /**
     * One search over HttpURLConnection (keep-alive). The JDK's java.net.http client left some requests unanswered on
     * a reused connection to Reactor Netty in this benchmark (curl replaying the same requests did not), so searches
     * use the older client.
     */
    static String get(HttpClient unused, String base, String query) throws IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(base
                + "/api/directory/v1/organisations?" + query).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        int status = connection.getResponseCode();
        String body;
        try (java.io.InputStream in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (status != 200) {
            throw new IllegalStateException(query + ": " + status + " " + body);
        }
        return body;
    }

    /** A page of generated organisations in the registry's JSON shape. */
    static String page(int offset, int size, int total) {
        StringBuilder json = new StringBuilder("{\"offset\":").append(offset).append(",\"limit\":").append(size)
                .append(",\"endOfRecords\":").append(offset + size >= total).append(",\"count\":").append(total)
                .append(",\"results\":[");
        for (int i = offset; i < offset + size; i++) {
            Random random = new Random(i);
            String city = pick(random, CITIES);
            String title = pick(random, PREFIXES) + " " + pick(random, TOPICS) + " " + pick(random, TOPICS) + " "
                    + city + " " + i;
            json.append(i == offset ? "" : ",").append("{\"key\":\"")
                    .append(UUID.nameUUIDFromBytes(("benchmark/" + i).getBytes(StandardCharsets.UTF_8)))
                    .append("\",\"title\":\"").append(title).append("\",\"abbreviation\":\"")
                    .append(abbreviation(title)).append("\",\"description\":\"Generated for the search benchmark.\"")
                    .append(",\"homepage\":[\"https://example.org/").append(i).append("\"],\"email\":[\"info")
                    .append(i).append("@example.org\"],\"city\":\"").append(city).append("\",\"country\":\"")
                    .append(pick(random, COUNTRIES)).append("\",\"endorsementApproved\":").append(random.nextInt(4) > 0)
                    .append(",\"numPublishedDatasets\":").append(random.nextInt(200))
                    .append(",\"created\":\"2020-01-01T00:00:00.000+00:00\",\"modified\":\"2024-01-01T00:00:00.000+00:00\"}");
        }
        return json.append("]}").toString();
    }

    static String abbreviation(String title) {
        StringBuilder letters = new StringBuilder();
        for (String word : title.split(" ")) {
            letters.append(Character.toUpperCase(word.charAt(0)));
        }
        return letters.toString();
    }

    /** A word as a user types it: often only its beginning, without accents or capitals half the time. */
    static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.length() > 5 ? lower.substring(0, 5 + Math.abs(lower.hashCode()) % (lower.length() - 4)) : lower;
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
