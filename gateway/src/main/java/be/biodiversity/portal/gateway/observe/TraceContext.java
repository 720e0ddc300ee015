package be.biodiversity.portal.gateway.observe;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * W3C Trace Context of one request: the trace it belongs to (taken from a valid incoming {@code traceparent},
 * else new) and the gateway's own span, which is the parent the services see in their {@code traceparent}.
 */
public record TraceContext(String traceId, String spanId, String flags) {

    public static final String HEADER = "traceparent";

    static final String ATTRIBUTE = TraceContext.class.getName();

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})");

    private static final String INVALID_TRACE = "0".repeat(32);

    /** Continues the caller's trace when its header is valid, else starts a sampled one. */
    public static TraceContext continueOrStart(String traceparent) {
        if (traceparent != null) {
            var match = TRACEPARENT.matcher(traceparent.trim());
            if (match.matches() && !match.group(1).equals(INVALID_TRACE)) {
                return new TraceContext(match.group(1), randomHex(1), match.group(2));
            }
        }
        return new TraceContext(randomHex(2), randomHex(1), "01");
    }

    /** The context the access-log filter put on this exchange, or {@code null} before it ran. */
    public static TraceContext of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** The {@code traceparent} value to send on: same trace, the gateway's span as parent. */
    public String traceparent() {
        return "00-" + this.traceId + "-" + this.spanId + "-" + this.flags;
    }

    private static String randomHex(int longs) {
        StringBuilder hex = new StringBuilder(16 * longs);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < longs; i++) {
            long value;
            do {
                value = random.nextLong();
            }
            while (value == 0);
            String digits = Long.toHexString(value);
            hex.append("0".repeat(16 - digits.length())).append(digits);
        }
        return hex.toString();
    }
}
