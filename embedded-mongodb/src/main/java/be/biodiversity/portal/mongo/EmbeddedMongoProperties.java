package be.biodiversity.portal.mongo;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-process MongoDB server that a data service starts when no MongoDB URI is configured.
 *
 * @param enabled  {@code false} refuses to start without a configured MongoDB URI
 * @param dataDir  where the H2 store lives; {@code ./data/<spring.application.name>} when unset
 * @param inMemory keep everything in memory (nothing survives a restart); for demos and throw-away runs
 * @param port     the loopback port to listen on; 0 picks a free one
 * @param commitOnWrite commit the store after every write, before acknowledging it, so that no acknowledged
 *                 write is lost when the process is killed; off, H2 commits about once a second
 * @param oplog    keep an oplog, so that change streams work as on a replica set (off by default: it costs a
 *                 write per write)
 * @param oplogMaxEntries the most oplog entries kept in memory, whatever the change streams still need (default
 *                 2,000); a stream that falls further behind fails with {@code ChangeStreamHistoryLost} and its
 *                 follower loads its index again
 * @param oplogMaxBytes about the most the kept oplog entries may weigh (default 8 MB), likewise
 * @param oplogRetain how long an oplog entry that every open change stream has read is kept, for a follower that
 *                 resumes after a failure (default 60 s)
 * @param oplogRetainBytes about how much the entries every open change stream has read may weigh before they go,
 *                 however recent (default 1 MB): a burst of writes (an import) read at once is not held for
 *                 {@code oplogRetain}; a follower resuming from a dropped entry loads its index again
 * @param cacheSize how much of the H2 store's file it keeps read and decoded in memory (H2's default, 16 MB, when
 *                 unset; about what H2 reckons the documents weigh, whole megabytes, at least 1)
 * @param autoCompactFillRate below how full (percent) the file's chunks must be before H2's background writer rewrites
 *                 them (default 50; H2's own is 90; 0 never). At 90 a 5,000-page import left chunks some 80 % full,
 *                 and about 50 s later the writer rewrote them: the file grew from 33 to 50 MB, and content-service,
 *                 its heap sized to the quiet service, went through eight to ten full collections in two seconds
 *                 and kept a heap 30 MB larger (3 runs of 4; at 50, none of 4, the file stayed at 33 MB)
 */
@ConfigurationProperties("portal.mongodb.embedded")
public record EmbeddedMongoProperties(Boolean enabled, Path dataDir, boolean inMemory, int port,
        Boolean commitOnWrite, boolean oplog, Integer oplogMaxEntries, DataSize oplogMaxBytes, Duration oplogRetain,
        DataSize oplogRetainBytes, DataSize cacheSize, Integer autoCompactFillRate) {

    public EmbeddedMongoProperties {
        enabled = enabled == null || enabled;
        commitOnWrite = commitOnWrite == null || commitOnWrite;
        oplogMaxEntries = oplogMaxEntries == null ? OplogLimits.DEFAULT.maxEntries() : oplogMaxEntries;
        oplogMaxBytes = oplogMaxBytes == null ? DataSize.ofBytes(OplogLimits.DEFAULT.maxBytes()) : oplogMaxBytes;
        oplogRetain = oplogRetain == null ? OplogLimits.DEFAULT.retain() : oplogRetain;
        oplogRetainBytes = oplogRetainBytes == null ? DataSize.ofBytes(OplogLimits.DEFAULT.retainBytes())
                : oplogRetainBytes;
        cacheSize = cacheSize == null ? DEFAULT_CACHE_SIZE : cacheSize;
        autoCompactFillRate = autoCompactFillRate == null ? DEFAULT_AUTO_COMPACT_FILL_RATE : autoCompactFillRate;
        if (autoCompactFillRate < 0 || autoCompactFillRate > 100) {
            throw new IllegalArgumentException("portal.mongodb.embedded.auto-compact-fill-rate is a percentage from 0 "
                    + "to 100, was " + autoCompactFillRate);
        }
    }

    /** See {@code autoCompactFillRate}. */
    static final int DEFAULT_AUTO_COMPACT_FILL_RATE = 50;

    /** H2's own default. */
    static final DataSize DEFAULT_CACHE_SIZE = DataSize.ofMegabytes(16);

    /** The store's cache in whole megabytes, as H2 takes it. */
    int cacheMegabytes() {
        return (int) Math.max(1, cacheSize.toMegabytes());
    }

    /** The oplog's limits; refuses limits that keep nothing. */
    public OplogLimits oplogLimits() {
        return new OplogLimits(oplogMaxEntries, oplogMaxBytes.toBytes(), oplogRetain, oplogRetainBytes.toBytes());
    }
}
