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
 * @param maxTotalSize bytes kept at most for paths without a query string (identity and gzip copies and a small
 *     overhead per entry); when full, the least valuable copy is evicted (W-TinyLFU)
 * @param maxQuerySize the same for URLs with a query string, kept apart so that they never displace pages
 * @param admitWindow a URL with a query string is kept only when asked for a second time within this window
 * @param maxPageSize larger answers are passed through and never cached
 * @param minGzipSize smaller text answers are not worth compressing
 * @param followChanges follow content-service's change feed, forgetting the copies of pages removed or changed
 * @param changesInterval how often the change feed is asked
 * @param changeSettle copies fetched up to this long after the feed named their path are not kept to stand in
 *     for errors (render-service may not have learnt of the change yet)
 */
@ConfigurationProperties("portal.page-cache")
record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration maxAge,
        @DefaultValue("500ms") Duration refreshAfter,
        @DefaultValue("15m") Duration staleIfError,
        @DefaultValue("64MB") DataSize maxTotalSize,
        @DefaultValue("16MB") DataSize maxQuerySize,
        @DefaultValue("1m") Duration admitWindow,
        @DefaultValue("2MB") DataSize maxPageSize,
        @DefaultValue("1KB") DataSize minGzipSize,
        @DefaultValue("true") boolean followChanges,
        @DefaultValue("300ms") Duration changesInterval,
        @DefaultValue("5s") Duration changeSettle) {

    PageCacheProperties {
        if (refreshAfter.compareTo(maxAge) > 0) {
            throw new IllegalArgumentException("portal.page-cache.refresh-after (" + refreshAfter
                    + ") must not exceed portal.page-cache.max-age (" + maxAge + ")");
        }
        if (changesInterval.isZero() || changesInterval.isNegative()) {
            throw new IllegalArgumentException("portal.page-cache.changes-interval (" + changesInterval
                    + ") must be positive");
        }
    }
}
