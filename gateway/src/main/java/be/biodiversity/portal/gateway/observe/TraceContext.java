package be.biodiversity.portal.gateway.observe;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace id of a request that Micrometer Tracing does not see (the page cache's Netty fast path): the one of
 * a valid W3C {@code traceparent}, read by the same rules as the propagator's, else a new random one. No span
 * is started and nothing is exported: it only ties the access-log line to the caller's trace.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TraceContext() {
    }

    /** The trace id of {@code traceparent} when it is valid, else a new one. */
    public static String traceId(String traceparent) {
        return valid(traceparent) ? traceparent.substring(3, 35) : random();
    }

    /**
     * {@code version-traceid-parentid-flags}: lower-case hex, version not {@code ff} (a later version may add
     * fields after a dash), ids not all zeros.
     */
    static boolean valid(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-' || !hex(traceparent, 0, 2)
                || !hex(traceparent, 3, 35) || !hex(traceparent, 36, 52) || !hex(traceparent, 53, 55)) {
            return false;
        }
        boolean version00 = traceparent.startsWith("00");
        if (traceparent.startsWith("ff") || (version00 && traceparent.length() != 55)
                || (!version00 && traceparent.length() > 55 && traceparent.charAt(55) != '-')) {
            return false;
        }
        return !zeros(traceparent, 3, 35) && !zeros(traceparent, 36, 52);
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high;
        do {
            high = random.nextLong();
        }
        while (high == 0);
        long low = random.nextLong();
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) (high & 0xf)];
            id[16 + i] = HEX[(int) (low & 0xf)];
            high >>>= 4;
            low >>>= 4;
        }
        return new String(id);
    }
}
