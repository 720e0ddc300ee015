package be.biodiversity.portal.gateway.cache;

import org.springframework.http.HttpHeaders;

/**
 * One page as render-service answered it (status 200), ready to be written again. Times are readings of the
 * page cache's {@link com.github.benmanes.caffeine.cache.Ticker} (nanoseconds).
 *
 * @param headers the representation headers worth repeating (type, language, caching, validators)
 * @param body the bytes as received (identity encoding)
 * @param gzipped the same bytes gzip-compressed, or {@code null} when not text or too small to gain
 * @param etag a validator for conditional requests (render-service's own when it sent one)
 * @param fetchedAt when the request to render-service that produced this copy started
 * @param refreshAt after this the next request fetches a new copy
 * @param expiresAt after this the copy is served only instead of an error (for {@code stale-if-error})
 * @param standsIn whether the copy may stand in for an error after it expired
 */
record CachedPage(HttpHeaders headers, byte[] body, byte[] gzipped, String etag, long fetchedAt, long refreshAt,
        long expiresAt, boolean standsIn) {

    /** Bytes this copy holds (both encodings). */
    long size() {
        return this.body.length + ((this.gzipped != null) ? this.gzipped.length : 0);
    }

    /** This copy, no longer fresh at {@code now} (it may still stand in for an error). */
    CachedPage expiredBy(long now) {
        if (this.expiresAt - now <= 0) {
            return this;
        }
        return new CachedPage(this.headers, this.body, this.gzipped, this.etag, this.fetchedAt,
                Math.min(this.refreshAt, now), now, this.standsIn);
    }

    /** This copy, served while fresh but never instead of an error. */
    CachedPage freshOnly() {
        return new CachedPage(this.headers, this.body, this.gzipped, this.etag, this.fetchedAt, this.refreshAt,
                this.expiresAt, false);
    }
}
