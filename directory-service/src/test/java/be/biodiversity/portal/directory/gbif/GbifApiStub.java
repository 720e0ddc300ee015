package be.biodiversity.portal.directory.gbif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process stand-in for the GBIF API, for tests: answers what it was given per path (a whole answer, or a list
 * it pages by {@code offset} and {@code limit} as the registry does), 404 otherwise, and can be told to fail, to
 * stall (never answer) or to be down. Records every request and its {@code User-Agent}.
 */
public final class GbifApiStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> lists = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stalls = new ConcurrentHashMap<>();
    private volatile boolean down;
    private final DisposableServer server;

    public GbifApiStub() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    requests.add(request.uri());
                    userAgents.add(String.valueOf(request.requestHeaders().get("User-Agent")));
                    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
                    String path = uri.path();
                    if (down) {
                        return response.status(503).sendString(Mono.just("Service Unavailable"));
                    }
                    if (take(stalls, path)) {
                        return Mono.never();
                    }
                    if (take(failures, path)) {
                        return response.status(failureStatus.get(path)).sendString(Mono.just("{\"error\":\"try later\"}"));
                    }
                    String body = answer(path, uri.parameters());
                    if (body == null) {
                        return response.status(404).sendString(Mono.just("Not Found"));
                    }
                    return response.header("Content-Type", "application/json").sendString(Mono.just(body));
                })
                .bindNow();
    }

    /** The base URL, as {@code portal.gbif.api-url}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** {@code GET /v1{path}} answers this JSON, whatever the query. */
    public GbifApiStub answer(String path, String json) {
        answers.put("/v1" + path, json);
        return this;
    }

    /** {@code GET /v1{path}} answers a registry page of these records, paged by {@code offset} and {@code limit}. */
    public GbifApiStub list(String path, List<String> records) {
        lists.put("/v1" + path, records.stream().map(record -> JSON.readTree(record)).toList());
        return this;
    }

    /** The next {@code times} requests of this path answer {@code status}. */
    public void fail(String path, int times, int status) {
        failureStatus.put("/v1" + path, status);
        failures.put("/v1" + path, new AtomicInteger(times));
    }

    /** The next {@code times} requests of this path get no answer at all. */
    public void stall(String path, int times) {
        stalls.put("/v1" + path, new AtomicInteger(times));
    }

    /** Every request answers 503 while down. */
    public void down(boolean down) {
        this.down = down;
    }

    /** A test resource as text, e.g. {@code gbif/organization-e2e717bf.json}. */
    public static String resource(String name) {
        try (InputStream in = GbifApiStub.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The results of a recorded registry page, one JSON text per record. */
    public static List<String> results(String resource) {
        List<String> records = new ArrayList<>();
        JSON.readTree(resource(resource)).get("results").forEach(record -> records.add(record.toString()));
        return records;
    }

    private String answer(String path, Map<String, List<String>> query) {
        String whole = answers.get(path);
        if (whole != null) {
            return whole;
        }
        List<JsonNode> list = lists.get(path);
        if (list == null) {
            return null;
        }
        int offset = Integer.parseInt(query.getOrDefault("offset", List.of("0")).get(0));
        int limit = Integer.parseInt(query.getOrDefault("limit", List.of("20")).get(0));
        ObjectNode page = JSON.createObjectNode();
        page.put("offset", offset).put("limit", limit).put("endOfRecords", offset + limit >= list.size())
                .put("count", list.size());
        ArrayNode results = page.putArray("results");
        list.stream().skip(offset).limit(limit).forEach(results::add);
        return page.toString();
    }

    private static boolean take(Map<String, AtomicInteger> counters, String path) {
        AtomicInteger left = counters.get(path);
        return left != null && left.getAndDecrement() > 0;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
