package be.biodiversity.portal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal against a stub GBIF API (issue #14), through the gateway: the occurrence search with filters and paging,
 * an occurrence page, a dataset page, the home page's figures from GBIF; then, with the stub stopped, every GBIF page
 * still answers 200 with a notice and a link to GBIF.org (or the last good answer), never a 5xx, never a number GBIF
 * did not give. The stub serves the recorded-shape answers of {@code src/test/resources/gbif-stub/}.
 */
class GbifStubIT {

    private static final String FACETS = "facet=basisOfRecord&facet=year&facet=datasetKey&facet=publishingOrg"
            + "&facet=country&facetLimit=8";
    private static final String DATASET = "b17b67ee-85bc-4b87-bf77-b2d6af66395b";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static StubGbif gbif;
    static Portal portal;

    @BeforeAll
    static void start() throws Exception {
        gbif = new StubGbif()
                .json("/v1/occurrence/search?country=BE&" + FACETS + "&limit=20&occurrenceStatus=PRESENT&offset=0",
                        "occurrence-search.json")
                .json("/v1/occurrence/search?country=BE&" + FACETS + "&limit=20&occurrenceStatus=PRESENT&offset=20",
                        "occurrence-search.json")
                .json("/v1/occurrence/search?basisOfRecord=HUMAN_OBSERVATION&country=BE&" + FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=0&year=2024", "occurrence-search.json")
                .json("/v1/occurrence/142316497", "occurrence.json")
                .json("/v1/dataset/" + DATASET, "dataset.json")
                .json("/v1/dataset/84d26682-f762-11e1-a439-00145eb45e9a", "dataset.json")
                .json("/v1/dataset/8575f23e-f762-11e1-a439-00145eb45e9a", "dataset.json")
                .json("/v1/organization/750a8724-fa66-4c27-b645-bd58ac5ee010", "organization.json")
                .json("/v1/occurrence/search?datasetKey=" + DATASET + "&limit=0&occurrenceStatus=PRESENT",
                        "count-dataset.json")
                .json("/v1/occurrence/search?country=BE&limit=0", "count-occurrence-be.json")
                .json("/v1/dataset/search?limit=0&publishingCountry=BE", "count-dataset.json");
        try {
            portal = Portal.withGbif(gbif.url() + "/v1");
        }
        catch (Exception | Error ex) {
            gbif.stop();
            throw ex;
        }
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
        if (gbif != null) {
            gbif.stop();
        }
    }

    @Test
    void thePortalShowsGbifsDataAndStillAnswersWhenGbifIsGone() throws Exception {
        HttpResponse<String> search = get("/occurrence/search?country=BE&view=MAP");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("Results 1–2 of 1,979", ">Favolus Fr.</a>", "Human observation",
                "href=\"/occurrence/search?country=BE&amp;offset=20\" rel=\"next\"",
                "<meta name=\"robots\" content=\"noindex\">", "/v2/map/occurrence/density/");
        HttpResponse<String> filtered = get("/nl/occurrence/search?country=BE&basisOfRecord=HUMAN_OBSERVATION&year=2024");
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).contains("Resultaten 1–2 van 1.979");
        assertThat(get("/occurrence/search?country=BE&offset=20").body()).contains("Results 21–22 of 1,979",
                "rel=\"prev\"");

        HttpResponse<String> occurrence = get("/occurrence/142316497");
        assertThat(occurrence.statusCode()).isEqualTo(200);
        assertThat(occurrence.body()).contains("<h1>Ballota acetabulosa (L.) Benth.</h1>");
        HttpResponse<String> dataset = get("/dataset/" + DATASET);
        assertThat(dataset.statusCode()).isEqualTo(200);
        assertThat(dataset.body()).contains("How to cite", "Cornell Lab of Ornithology", "Download on GBIF.org");

        String home = homeWithFigures();
        assertThat(home).contains("<strong>51,234,567</strong> <span>About Belgium</span>",
                "<strong>2</strong> <span>Datasets</span>");

        gbif.stop();
        for (String path : List.of("/occurrence/search?publishingCountry=BE", "/dataset/search",
                "/collection/search", "/institution/search", "/occurrence/1234", "/dataset/"
                        + "00000000-0000-4000-8000-000000000000", "/collection/00000000-0000-4000-8000-000000000000",
                "/nl/occurrence/search?country=BE&year=1999")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as("%s with GBIF gone", path).isEqualTo(200);
            assertThat(Html.unescape(answer.body())).as(path)
                    .containsAnyOf("GBIF.org cannot be reached just now", "GBIF.org is op dit moment niet bereikbaar")
                    .contains("https://www.gbif.org/");
        }
        HttpResponse<String> kept = get("/occurrence/search?country=BE");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).as("an answer of the last minutes is still fresh in render-service's cache")
                .contains(">Favolus Fr.</a>");
    }

    /** A page with the theme's stats block whose site data names GBIF queries, as GBIF.be's home does. */
    private static String homeWithFigures() throws Exception {
        HttpResponse<String> data = send("PUT", "/api/content/v1/data/gbiffigures", """
                {"source": "stats:\\n  features:\\n    - title: <span data-ajax-url=\\"https://api.gbif.org/v1/occurrence/search?country=BE&limit=0\\"></span>\\n      description: About Belgium\\n      href: /occurrence/search?country=BE\\n    - title: <span data-ajax-url=\\"https://api.gbif.org/v1/dataset/search?publishingCountry=BE&limit=0\\"></span>\\n      description: Datasets\\n      href: /dataset/search\\n"}""");
        assertThat(data.statusCode()).as(data.body()).isIn(200, 201);
        HttpResponse<String> page = send("POST", "/api/content/v1/pages", """
                {"lang":"en","permalink":"/system/gbif-figures","title":"Figures","body":"Figures from GBIF.",
                 "frontMatter":{"composition":[{"type":"stats","data":"gbiffigures.stats"}]}}""");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        HttpResponse<String> shown = get("/system/gbif-figures");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        return shown.body();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(portal.uri(path)).header(Portal.CLIENT_ADDRESS_HEADER, "10.97.0.1")
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(portal.uri(path))
                .header("Authorization", "Bearer " + Portal.EDITOR_TOKEN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GBIF's API as a JDK HTTP server: canned answers by path and sorted query, 404 for anything else. */
    static final class StubGbif {

        private final HttpServer server;
        private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

        StubGbif() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        StubGbif json(String pathAndQuery, String file) {
            answers.put(key(URI.create(pathAndQuery)), read(file));
            return this;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** GBIF gone: the port refuses connections. */
        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = answers.get(key(exchange.getRequestURI()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (body == null) {
                body = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
            }
            else {
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        private static String key(URI uri) {
            if (uri.getRawQuery() == null) {
                return uri.getPath();
            }
            Map<String, List<String>> sorted = new TreeMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                sorted.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            return uri.getPath() + "?" + sorted.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                    .collect(Collectors.joining("&"));
        }

        private static byte[] read(String file) {
            try (InputStream in = StubGbif.class.getResourceAsStream("/gbif-stub/" + file)) {
                if (in == null) {
                    throw new IllegalArgumentException("No gbif-stub/" + file + " on the test classpath");
                }
                return in.readAllBytes();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
