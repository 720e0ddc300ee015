package be.biodiversity.portal.gateway.limit;

import java.time.Duration;

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

        double perNano() {
            return this.requests / (double) this.period.toNanos();
        }
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
