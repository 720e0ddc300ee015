package be.biodiversity.portal.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * Passes render-service's answer to the visitor unchanged and keeps a copy of it, when it may be shared: status
 * 200, no cookie, not {@code private}/{@code no-store}, no {@code Age} (render-service's own stale copy), not
 * already compressed, not larger than the limit (with
 * {@code max-age=0} the copy only ever replaces an error answer). An
 * error answer (a 5xx from render-service, or the circuit breaker's fallback) is replaced by the stale copy of
 * the page when there is one.
 */
class CapturingResponse extends ServerHttpResponseDecorator {

    private static final List<HttpStatus> REPLACEABLE = List.of(HttpStatus.INTERNAL_SERVER_ERROR,
            HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT);

    private static final Pattern CACHE_CONTROL_MAX_AGE_0 = Pattern.compile("(^|[,\\s])max-age\\s*=\\s*0+\\s*(,|$)");

    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.EXPIRES, HttpHeaders.LAST_MODIFIED, HttpHeaders.ETAG,
            HttpHeaders.LINK, HttpHeaders.CONTENT_DISPOSITION);

    private final int maxBytes;

    private byte[] bytes = new byte[16 * 1024];

    private int length;

    private boolean abandoned;

    private boolean complete;

    private final Runnable onComplete;

    private final Supplier<CachedPage> stale;

    private final Consumer<CachedPage> onStale;

    private final Runnable onGone;

    /**
     * @param maxBytes   the largest answer kept; 0 keeps nothing (only replaces errors)
     * @param onComplete runs once the whole body has been handed on (also when it was not kept)
     * @param stale      the copy that may replace an error answer, or {@code null}
     * @param onStale    gets the stale copy when it was sent instead of an error
     * @param onGone     runs when render-service says the page is not there (any more): 404, 410, a redirect
     */
    CapturingResponse(ServerHttpResponse delegate, int maxBytes, Runnable onComplete, Supplier<CachedPage> stale,
            Consumer<CachedPage> onStale, Runnable onGone) {
        super(delegate);
        this.maxBytes = maxBytes;
        this.onComplete = onComplete;
        this.stale = stale;
        this.onStale = onStale;
        this.onGone = onGone;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        CachedPage replacement = REPLACEABLE.contains(getStatusCode()) ? this.stale.get() : null;
        if (replacement != null) {
            this.abandoned = true;
            this.onStale.accept(replacement);
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(() -> writeStale(replacement)));
        }
        if (gone(getStatusCode())) {
            // A page removed or moved on purpose must not come back as a stale copy during an outage.
            this.onGone.run();
        }
        if (this.maxBytes == 0 || !shareable()) {
            this.abandoned = true;
            return super.writeWith(body);
        }
        return super.writeWith(Flux.from(body).doOnNext(this::copy).doOnComplete(() -> {
            this.complete = true;
            this.onComplete.run();
        }));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        this.abandoned = true;
        return super.writeAndFlushWith(body);
    }

    private Mono<Void> writeStale(CachedPage page) {
        HttpHeaders headers = getHeaders();
        // The error answer's own representation headers go; the security headers set before it stay.
        KEPT_HEADERS.forEach(headers::remove);
        List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_ENCODING, HttpHeaders.RETRY_AFTER, HttpHeaders.VARY)
                .forEach(headers::remove);
        headers.addAll(page.headers());
        headers.set(HttpHeaders.ETAG, page.etag());
        headers.setContentLength(page.body().length);
        setStatusCode(HttpStatus.OK);
        return super.writeWith(Mono.just(bufferFactory().wrap(page.body())));
    }

    /** The copy to cache, or {@code null} when this answer may not or could not be kept. */
    CachedPage page(long fetchStarted, PageCacheProperties properties) {
        if (this.abandoned || !this.complete) {
            return null;
        }
        byte[] body = Arrays.copyOf(this.bytes, this.length);
        HttpHeaders headers = new HttpHeaders();
        for (String name : KEPT_HEADERS) {
            List<String> values = getHeaders().get(name);
            if (values != null) {
                headers.addAll(name, values);
            }
        }
        String etag = headers.getETag();
        headers.remove(HttpHeaders.ETAG);
        if (etag == null) {
            CRC32 crc = new CRC32();
            crc.update(body);
            etag = "W/\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
        }
        boolean compress = body.length >= properties.minGzipSize().toBytes() && isText(headers.getContentType());
        // "max-age=0" (render-service's answer for a page it could render only in part, while a provider was
        // down): never served as a fresh copy, but kept to stand in for an error answer later.
        boolean staleOnly = CACHE_CONTROL_MAX_AGE_0.matcher(headers.getCacheControl() == null ? ""
                : headers.getCacheControl()).find();
        long refreshAt = staleOnly ? fetchStarted : fetchStarted + properties.refreshAfter().toNanos();
        long expiresAt = staleOnly ? fetchStarted : fetchStarted + properties.maxAge().toNanos();
        return new CachedPage(headers, body, compress ? gzip(body) : null, etag, fetchStarted, refreshAt, expiresAt,
                true);
    }

    private static boolean gone(HttpStatusCode status) {
        return status != null && (status.value() == 404 || status.value() == 410
                || (status.is3xxRedirection() && status.value() != 304));
    }

    private boolean shareable() {
        HttpHeaders headers = getHeaders();
        String cacheControl = String.join(",", headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        return HttpStatus.OK.equals(getStatusCode())
                && !headers.containsHeader(HttpHeaders.SET_COOKIE)
                && !cacheControl.contains("no-store") && !cacheControl.contains("private")
                // render-service's own stale copy (it says how old): the gateway keeps no copy of a copy.
                && !headers.containsHeader(HttpHeaders.AGE)
                && (encoding == null || encoding.equalsIgnoreCase("identity"))
                && headers.getContentLength() <= this.maxBytes;
    }

    private void copy(DataBuffer buffer) {
        if (this.abandoned) {
            return;
        }
        int count = buffer.readableByteCount();
        if (this.length + count > this.maxBytes) {
            this.abandoned = true;
            this.bytes = null;
            return;
        }
        if (this.length + count > this.bytes.length) {
            this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + count));
        }
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(this.bytes), this.length, count);
        this.length += count;
    }

    static boolean isText(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype();
        return type.getType().equals("text") || subtype.contains("json") || subtype.contains("xml")
                || subtype.contains("javascript");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
