package be.biodiversity.portal.content.gbif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An in-process stand-in for GBIF's API ({@code /v1/literature/search}) on a random local port: it pages through
 * records taken from recorded GBIF answers (src/test/resources/gbif-api) per filter, records every request, and
 * can answer with an error status, answer too late, or be stopped (an outage).
 */
public final class GbifStub implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as the stub saw it; {@code filter} is the query without offset and limit, names sorted. */
    public record Request(String path, MultiValueMap<String, String> query, String userAgent) {

        public String filter() {
            return query.entrySet().stream().filter(e -> !e.getKey().equals("offset") && !e.getKey().equals("limit"))
                    .sorted(Map.Entry.comparingByKey())
                    .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                    .collect(Collectors.joining("&"));
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonNode>> recordsByFilter = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile Duration delay = Duration.ZERO;
    private DisposableServer server;
    private int port;

    public GbifStub() {
        start(0);
    }

    private void start(int onPort) {
        server = HttpServer.create().host("127.0.0.1").port(onPort).handle((req, res) -> answer(req.uri(),
                req.requestHeaders().get("User-Agent"), res)).bindNow();
        port = server.port();
    }

    /** The API's base URL, as {@code portal.gbif.api-url}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** The records of a recorded answer in src/test/resources ({@code {..., body: {results: [...]}}}). */
    public static List<JsonNode> recorded(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            List<JsonNode> results = new ArrayList<>();
            JSON.readTree(in).path("body").path("results").forEach(results::add);
            return results;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** What a search with exactly this filter (e.g. {@code countriesOfResearcher=BE}) finds. */
    public GbifStub serve(String filter, List<JsonNode> records) {
        recordsByFilter.put(filter, List.copyOf(records));
        return this;
    }

    /** The next {@code times} requests are answered with {@code status}. */
    public GbifStub fail(int times, int status) {
        failureStatus = status;
        failuresLeft.set(times);
        return this;
    }

    /** Every answer from now on comes after {@code pause}. */
    public GbifStub slow(Duration pause) {
        delay = pause;
        return this;
    }

    /** Forgets the requests, records, failures and delay; starts again if stopped. */
    public void reset() {
        requests.clear();
        recordsByFilter.clear();
        failuresLeft.set(0);
        delay = Duration.ZERO;
        if (server.isDisposed()) {
            start(port);
        }
    }

    /** An outage: nothing listens on the port any more until {@link #reset}. */
    public void stop() {
        server.disposeNow();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private org.reactivestreams.Publisher<Void> answer(String uri, String userAgent, HttpServerResponse res) {
        UriComponents parts = UriComponentsBuilder.fromUriString(uri).build();
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        parts.getQueryParams().forEach((name, values) -> values.forEach(v -> query.add(name,
                v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8))));
        Request request = new Request(parts.getPath(), query, userAgent);
        requests.add(request);
        Mono<String> body;
        int status;
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = failureStatus;
            body = Mono.just("{\"error\":\"stub failure " + status + "\"}");
        }
        else if (!"/v1/literature/search".equals(parts.getPath())) {
            status = 404;
            body = Mono.just("{}");
        }
        else {
            status = 200;
            body = Mono.just(page(request));
        }
        Mono<String> delayed = delay.isZero() ? body : body.delayElement(delay);
        return delayed.flatMap(text -> res.status(status).header("Content-Type", "application/json")
                .sendString(Mono.just(text)).then());
    }

    private String page(Request request) {
        List<JsonNode> records = recordsByFilter.getOrDefault(request.filter(), List.of());
        int offset = Integer.parseInt(request.query().getOrDefault("offset", List.of("0")).get(0));
        int limit = Integer.parseInt(request.query().getOrDefault("limit", List.of("20")).get(0));
        ObjectNode page = JSON.createObjectNode();
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("endOfRecords", offset + limit >= records.size());
        page.put("count", records.size());
        ArrayNode results = page.putArray("results");
        records.stream().skip(offset).limit(limit).forEach(results::add);
        page.putArray("facets");
        return JSON.writeValueAsString(page);
    }

    /** A copy of {@code record} with {@code field} set to {@code value}. */
    public static JsonNode with(JsonNode record, String field, String value) {
        ObjectNode copy = (ObjectNode) record.deepCopy();
        copy.put(field, value);
        return copy;
    }
}
