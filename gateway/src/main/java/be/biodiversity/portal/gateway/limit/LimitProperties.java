package be.biodiversity.portal.gateway.limit;

import java.time.Duration;
import java.util.List;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.limits.*}: what one client may send to the APIs.
 *
 * @param maxRequestBody largest request body anywhere
 * @param maxImportBody largest request body on an {@code /api/**}{@code /imports} path (bulk imports)
 * @param read per-client budget for API reads (GET, HEAD, OPTIONS)
 * @param write per-client budget for API writes (everything else)
 * @param authFailures per-client budget of API writes refused for their credentials (401/403): once spent, the
 *     client's writes get 429 until it has refilled, which makes guessing the editor token hopeless
 * @param maxConcurrentImports uploads to {@code …/imports} paths in flight at once on this instance; more get 429
 * @param allowedOrigins origins besides the portal's own (the request's {@code Host}) from which browsers may send
 *     API writes, e.g. {@code https://editor.biodiversity.be}; a write from any other origin gets 403
 * @param editorTokenSha256 optional SHA-256 (hex) of editor tokens: a request carrying one is never refused by the
 *     token-guessing throttle, even before a service has accepted it
 * @param acceptedTokens how many fingerprints of {@code Authorization} values the services accepted are kept, and for
 *     how long: requests carrying one are never refused by the token-guessing throttle
 * @param clientIpHeader when the gateway sits behind a load balancer: the header in which it puts the client's
 *     address (its first value is used); empty means the connection's remote address
 * @param maxClients in-memory limiter: idle clients are forgotten once this many are tracked
 * @param redis shared limits in Redis, for several gateway instances
 */
@ConfigurationProperties("portal.limits")
record LimitProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("50MB") DataSize maxImportBody,
        Budget read,
        Budget write,
        Budget authFailures,
        @DefaultValue("2") int maxConcurrentImports,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue List<String> editorTokenSha256,
        @DefaultValue Remembered acceptedTokens,
        @DefaultValue("") String clientIpHeader,
        @DefaultValue("100000") int maxClients,
        @DefaultValue Redis redis) {

    LimitProperties {
        read = (read != null) ? read : new Budget(120, Duration.ofMinutes(1));
        write = (write != null) ? write : new Budget(20, Duration.ofMinutes(1));
        authFailures = (authFailures != null) ? authFailures : new Budget(5, Duration.ofMinutes(15));
    }

    /** The client a request is counted for: the trusted header's first address, else the connection's. */
    String client(ServerHttpRequest request) {
        if (!this.clientIpHeader.isEmpty()) {
            String value = request.getHeaders().getFirst(this.clientIpHeader);
            if (value != null && !value.isBlank()) {
                int comma = value.indexOf(',');
                return (comma < 0 ? value : value.substring(0, comma)).trim();
            }
        }
        var remote = request.getRemoteAddress();
        return (remote == null || remote.getAddress() == null) ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** A token bucket: up to {@code requests} at once, refilled at {@code requests} per {@code period}. */
    record Budget(int requests, Duration period) {

        Budget {
            if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("portal.limits budget needs requests >= 1 and a positive period");
            }
        }

        /** Bucket4j's form: {@code requests} at once, refilled continuously at {@code requests} per {@code period}. */
        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(this.requests).refillGreedy(this.requests, this.period).build();
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder().addLimit(bandwidth()).build();
        }
    }

    /**
     * @param maxEntries most fingerprints kept
     * @param ttl how long one is kept after the last time a service accepted it
     */
    record Remembered(@DefaultValue("1000") int maxEntries, @DefaultValue("12h") Duration ttl) {
    }

    /**
     * @param enabled keep the buckets in Redis ({@code spring.data.redis.*} says where) instead of in memory
     * @param keyPrefix prefix of the Redis keys
     * @param timeout longest wait for Redis; when it fails or is slower the request is let through and a warning logged
     */
    record Redis(@DefaultValue("false") boolean enabled, @DefaultValue("portal:rate:") String keyPrefix,
            @DefaultValue("200ms") Duration timeout) {
    }
}
