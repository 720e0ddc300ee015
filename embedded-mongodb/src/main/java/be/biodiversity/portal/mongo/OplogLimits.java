package be.biodiversity.portal.mongo;

import java.time.Duration;

/**
 * How much oplog the embedded server keeps ({@link BoundedOplog}): at most {@code maxEntries} entries weighing at most
 * about {@code maxBytes}, and an entry every open change stream has read no longer than {@code retain} and only while
 * the kept entries weigh at most about {@code retainBytes}.
 */
public record OplogLimits(int maxEntries, long maxBytes, Duration retain, long retainBytes) {

    /** 2,000 entries, 8 MB, 60 s, 1 MB. */
    public static final OplogLimits DEFAULT = new OplogLimits(2000, 8L << 20, Duration.ofSeconds(60), 1L << 20);

    public OplogLimits {
        if (maxEntries < 1 || maxBytes < 1 || retain == null || retain.isNegative() || retainBytes < 0) {
            throw new IllegalArgumentException(
                    "The oplog needs room for at least one entry, and a retention (time and weight) >= 0");
        }
    }

    /** Keeps what the streams have read for {@code retain} whatever it weighs (up to {@code maxBytes}). */
    public OplogLimits(int maxEntries, long maxBytes, Duration retain) {
        this(maxEntries, maxBytes, retain, maxBytes);
    }
}
