import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times site searches, one request at a time (client-side latency): content-service's API
 * (GET /api/content/v1/search) and render-service's page (GET /search?q=, which also asks directory-service and the
 * literature). Prints one line per kind: SEARCH|name|requests|p50|p95|p99|max|mean results.
 *
 *   java SiteSearchBenchmark.java <content url> <render url> <requests per kind>
 */
public class SiteSearchBenchmark {

    /** Words a visitor of GBIF.be types, in the three languages, with and without accents, whole and begun. */
    static final String[][] QUERIES = {
            { "en", "biodiversity" }, { "en", "data" }, { "en", "gbif" }, { "en", "species occurrence" },
            { "en", "publish" }, { "en", "belgian" }, { "en", "museum" }, { "en", "news" },
            { "nl", "biodiversiteit" }, { "nl", "gegevens" }, { "nl", "natuur" }, { "nl", "soorten" }, { "nl", "bel" },
            { "fr", "biodiversite" }, { "fr", "donnees" }, { "fr", "écologie" }, { "fr", "especes" }, { "fr", "mus" } };

    public static void main(String[] args) throws Exception {
        String content = args[0];
        String render = args[1];
        int requests = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        time(http, "content API /api/content/v1/search (20 results)", requests,
                q -> content + "/api/content/v1/search?limit=20&lang=" + q[0] + "&q=" + enc(q[1]));
        time(http, "content API, page 2 (offset 20)", requests,
                q -> content + "/api/content/v1/search?limit=20&offset=20&lang=" + q[0] + "&q=" + enc(q[1]));
        time(http, "render /search page (pages, publishers, literature)", requests,
                q -> render + (q[0].equals("en") ? "" : "/" + q[0]) + "/search?q=" + enc(q[1]));
    }

    interface Url {
        String of(String[] query);
    }

    static void time(HttpClient http, String name, int requests, Url url) throws Exception {
        Random random = new Random(42);
        int warmUp = Math.max(50, requests / 5);
        for (int i = 0; i < warmUp; i++) {
            get(http, url.of(QUERIES[random.nextInt(QUERIES.length)]));
        }
        long[] nanos = new long[requests];
        long results = 0;
        for (int i = 0; i < requests; i++) {
            String target = url.of(QUERIES[random.nextInt(QUERIES.length)]);
            long began = System.nanoTime();
            String body = get(http, target);
            nanos[i] = System.nanoTime() - began;
            results += count(body);
        }
        Arrays.sort(nanos);
        System.out.printf("SEARCH|%s|%d|%.1f|%.1f|%.1f|%.1f|%.1f%n", name, requests, ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99), nanos[requests - 1] / 1e6, results / (double) requests);
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** The API's count, or the number of page results listed in the HTML. */
    static long count(String body) {
        int at = body.indexOf("\"count\":");
        if (at >= 0) {
            int end = at + 8;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            return Long.parseLong(body.substring(at + 8, end));
        }
        List<Integer> hits = new ArrayList<>();
        for (int i = body.indexOf("class=\"title\""); i >= 0; i = body.indexOf("class=\"title\"", i + 1)) {
            hits.add(i);
        }
        return hits.size();
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
