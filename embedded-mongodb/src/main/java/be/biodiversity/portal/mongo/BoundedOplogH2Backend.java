package be.biodiversity.portal.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVStore;

/**
 * The H2 store with its oplog in memory and trimmed ({@link BoundedOplog}) instead of a collection of the store, and
 * unique indexes that compare keys by value ({@link KeyOrderedH2Database}).
 */
class BoundedOplogH2Backend extends H2Backend {

    private final OplogLimits limits;

    BoundedOplogH2Backend(MVStore store, OplogLimits limits) {
        super(store);
        this.limits = limits;
    }

    /** Oplog entries kept now: 0 before the oplog is enabled. */
    int oplogEntries() {
        return this.oplog instanceof BoundedOplog bounded ? bounded.size() : 0;
    }

    /** About how many bytes the oplog's entries weigh now. */
    long oplogBytes() {
        return this.oplog instanceof BoundedOplog bounded ? bounded.bytes() : 0;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new KeyOrderedH2Database(name, getMvStore(), getCursorRegistry());
    }

    @Override
    protected Oplog createOplog() {
        return new BoundedOplog(this, getCursorRegistry(), this.limits);
    }
}
