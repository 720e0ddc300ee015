package be.biodiversity.portal.gateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.page-cache.*}.
 *
 * @param enabled serve pages from the gateway's short-lived cache
 * @param maxAge the oldest copy ever served, counted from when its request to render-service started; keeps
 *     render-service's promise that an edit shows within 1 s
 * @param refreshAfter a copy older than this is fetched again by the next request while the others still get
 *     the copy (until {@code maxAge})
 * @param staleIfError how long after {@code maxAge} a copy is still served when render-service cannot answer
 *     (refused, too slow, circuit open, or a 5xx answer): visitors keep reading pages they could read before
 * @param maxEntries pages kept at most; beyond that, new pages are not cached until old ones expire
 * @param maxTotalSize bytes kept at most (identity and gzip copies together), the same way
 * @param maxPageSize larger answers are passed through and never cached
 * @param minGzipSize smaller text answers are not worth compressing
 */
@ConfigurationProperties("portal.page-cache")
record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration maxAge,
        @DefaultValue("500ms") Duration refreshAfter,
        @DefaultValue("15m") Duration staleIfError,
        @DefaultValue("2000") int maxEntries,
        @DefaultValue("64MB") DataSize maxTotalSize,
        @DefaultValue("2MB") DataSize maxPageSize,
        @DefaultValue("1KB") DataSize minGzipSize) {

    PageCacheProperties {
        if (refreshAfter.compareTo(maxAge) > 0) {
            throw new IllegalArgumentException("portal.page-cache.refresh-after (" + refreshAfter
                    + ") must not exceed portal.page-cache.max-age (" + maxAge + ")");
        }
    }
}
