package be.biodiversity.portal.directory.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An in-process stand-in for the GBIF registry's {@code GET /v1/organization}: answers the sample pages under
 * {@code src/test/resources/registry} by offset, and can be told to fail or stall the next requests of an offset.
 */
final class RegistryStub implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> stalls = new ConcurrentHashMap<>();
    private volatile int failureStatus = 503;
    private final DisposableServer server;

    RegistryStub() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/v1/organization", (request, response) -> {
                    requests.add(request.uri());
                    Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
                    long offset = Long.parseLong(query.getOrDefault("offset", List.of("0")).get(0));
                    if (take(stalls, offset)) {
                        return Mono.never();
                    }
                    if (take(failures, offset)) {
                        return response.status(failureStatus).sendString(Mono.just("{\"error\":\"try later\"}"));
                    }
                    String page = page(offset);
                    if (page == null) {
                        return response.status(HttpResponseStatus.NOT_FOUND).send();
                    }
                    return response.header("Content-Type", "application/json").sendString(Mono.just(page));
                }))
                .bindNow();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** The next {@code times} requests of this offset answer {@code status}. */
    void fail(long offset, int times, int status) {
        failureStatus = status;
        failures.put(offset, new AtomicInteger(times));
    }

    /** The next {@code times} requests of this offset get no answer at all. */
    void stall(long offset, int times) {
        stalls.put(offset, new AtomicInteger(times));
    }

    static String page(long offset) {
        String name = offset == 0 ? "registry/page-0.json" : offset == 2 ? "registry/page-1.json" : null;
        if (name == null) {
            return null;
        }
        try (InputStream in = RegistryStub.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean take(Map<Long, AtomicInteger> counters, long offset) {
        AtomicInteger left = counters.get(offset);
        return left != null && left.getAndDecrement() > 0;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
