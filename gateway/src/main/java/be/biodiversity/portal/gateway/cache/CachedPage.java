package be.biodiversity.portal.gateway.cache;

import org.springframework.http.HttpHeaders;

/**
 * One page as render-service answered it (status 200), ready to be written again.
 *
 * @param headers the representation headers worth repeating (type, language, caching, validators)
 * @param body the bytes as received (identity encoding)
 * @param gzipped the same bytes gzip-compressed, or {@code null} when not text or too small to gain
 * @param etag a validator for conditional requests (render-service's own when it sent one)
 * @param refreshAt {@link System#nanoTime()} after which the next request fetches a new copy
 * @param expiresAt {@link System#nanoTime()} after which this copy is served only instead of an error
 */
record CachedPage(HttpHeaders headers, byte[] body, byte[] gzipped, String etag, long refreshAt, long expiresAt) {

    /** Bytes this copy holds (both encodings). */
    long size() {
        return this.body.length + ((this.gzipped != null) ? this.gzipped.length : 0);
    }
}
