package be.biodiversity.portal.gateway.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts connections closed by the edge limits and logs them as one summary line per interval (at the first drop
 * after the interval has passed), never one line per connection: a flood must not turn into a flood of log.
 */
final class DroppedConnections {

    private static final Logger log = LoggerFactory.getLogger(DroppedConnections.class);

    /** Why a connection was closed. */
    enum Reason { SERVER_CAP, PER_CLIENT_CAP, HEADER_TIMEOUT }

    private final Map<Reason, Long> counts = new EnumMap<>(Reason.class);

    private final long intervalNanos;

    private final LongSupplier nanoTime;

    private long windowStart;

    private long logged;

    DroppedConnections(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong() - this.intervalNanos;
    }

    /** Counts one dropped connection; returns the summary line when one was written now, else {@code null}. */
    synchronized String dropped(Reason reason, String client) {
        this.counts.merge(reason, 1L, Long::sum);
        long now = this.nanoTime.getAsLong();
        if (now - this.windowStart < this.intervalNanos) {
            return null;
        }
        String line = "Connections closed at the edge in the last " + Duration.ofNanos(now - this.windowStart)
                .toSeconds() + " s: " + this.counts + " (latest from " + client + ")";
        this.counts.clear();
        this.windowStart = now;
        this.logged++;
        log.warn(line);
        return line;
    }

    synchronized long linesLogged() {
        return this.logged;
    }
}
