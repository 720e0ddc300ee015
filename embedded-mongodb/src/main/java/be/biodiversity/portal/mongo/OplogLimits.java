package be.biodiversity.portal.mongo;

import java.time.Duration;

/**
 * How much oplog the embedded server keeps ({@link BoundedOplog}): at most {@code maxEntries} entries weighing at most
 * about {@code maxBytes}, and an entry every open change stream has read no longer than {@code retain}.
 */
public record OplogLimits(int maxEntries, long maxBytes, Duration retain) {

    /** 2,000 entries, 8 MB, 60 s. */
    public static final OplogLimits DEFAULT = new OplogLimits(2000, 8L << 20, Duration.ofSeconds(60));

    public OplogLimits {
        if (maxEntries < 1 || maxBytes < 1 || retain == null || retain.isNegative()) {
            throw new IllegalArgumentException("The oplog needs room for at least one entry and a retention >= 0");
        }
    }
}
