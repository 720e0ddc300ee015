package be.biodiversity.portal.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * Passes render-service's answer to the visitor unchanged and keeps a copy of it, when it may be shared: status
 * 200, no cookie, not {@code private}/{@code no-store}, not already compressed, not larger than the limit.
 */
class CapturingResponse extends ServerHttpResponseDecorator {

    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.EXPIRES, HttpHeaders.LAST_MODIFIED, HttpHeaders.ETAG,
            HttpHeaders.LINK, HttpHeaders.CONTENT_DISPOSITION);

    private final int maxBytes;

    private byte[] bytes = new byte[16 * 1024];

    private int length;

    private boolean abandoned;

    private boolean complete;

    private final Runnable onComplete;

    /** {@code onComplete} runs once the whole body has been handed on (also when it was not kept). */
    CapturingResponse(ServerHttpResponse delegate, int maxBytes, Runnable onComplete) {
        super(delegate);
        this.maxBytes = maxBytes;
        this.onComplete = onComplete;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (!shareable()) {
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
        return new CachedPage(headers, body, compress ? gzip(body) : null, etag,
                fetchStarted + properties.refreshAfter().toNanos(), fetchStarted + properties.maxAge().toNanos());
    }

    private boolean shareable() {
        HttpHeaders headers = getHeaders();
        String cacheControl = String.join(",", headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        return HttpStatus.OK.equals(getStatusCode())
                && !headers.containsHeader(HttpHeaders.SET_COOKIE)
                && !cacheControl.contains("no-store") && !cacheControl.contains("private")
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
