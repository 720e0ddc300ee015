package be.biodiversity.portal.content.revision;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The site revision and the log of what each revision changed, kept consistent without transactions (the
 * embedded server has none; a real MongoDB behaves the same way here).
 * <p>
 * A write takes a number from a counter ({@code allocated}, findAndModify {@code $inc}), writes its entry with
 * {@code _id} = that number, and then moves the published revision ({@code revision}, what readers see) forward.
 * Writers can finish out of order: 41 taken, 42 taken and written, 41 not yet written. Were readers shown the
 * counter, a reader at 42 would never look at 41 again. So readers are shown a <em>watermark</em>: the highest
 * revision up to which every entry is written. After writing its entry a writer moves the watermark one step at a
 * time (compare-and-set from w to w + 1) while the entry w + 1 is there; a writer that finishes early stops at the
 * gap, and the one that fills the gap carries the watermark over both. Because the early writer's entry is
 * written before it looks, and the late writer looks after writing, one of the two always sees the other's entry.
 * <p>
 * Rejected alternatives: advancing the counter only after the entry is written needs the number before the
 * entry (it is its {@code _id}) and so a lock serialising all writers; a grace window for readers rests on a
 * timing assumption. The watermark's one weakness, a number taken by a writer that dies before writing its entry,
 * is repaired by {@link #repair}: after a grace period a site-wide entry takes that number (readers drop every
 * rendered page, the safe side); a writer that comes back late finds its number taken and records its entries
 * again under a new number.
 * <p>
 * The log keeps the newest {@code keep} revisions: writing revision n removes revision n - keep (one key lookup).
 */
@Component
class ChangeLog {

    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

    static final String COUNTER = "siteRevision";
    private static final String ID = "site";

    /** The watermark, the last number taken, and when the watermark last moved. */
    record Counter(long revision, long allocated, Instant changedAt) {
    }

    private record Gap(long revision, Instant since) {
    }

    private final ReactiveMongoTemplate mongo;
    private final ChangesProperties properties;
    private final AtomicReference<Gap> gap = new AtomicReference<>();

    ChangeLog(ReactiveMongoTemplate mongo, ChangesProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    int keep() {
        return properties.keep();
    }

    /** Records the changes of one write under a new revision and answers that revision. */
    Mono<Long> record(List<Change> changes) {
        return allocate().flatMap(n -> store(n, changes));
    }

    Mono<Counter> counter() {
        return mongo.findById(ID, Document.class, COUNTER).map(ChangeLog::counter)
                .defaultIfEmpty(new Counter(0, 0, null));
    }

    /** Takes the next revision number. */
    Mono<Long> allocate() {
        return mongo.findAndModify(byId(), new Update().inc("allocated", 1L).setOnInsert("revision", 0L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER)
                .map(ChangeLog::counter)
                .flatMap(c -> {
                    if (c.allocated() > c.revision()) {
                        return Mono.just(c.allocated());
                    }
                    // a counter from before the change log counted only `revision`: continue above it
                    return mongo.updateFirst(byId(), new Update().max("allocated", c.revision()), COUNTER)
                            .then(Mono.defer(this::allocate));
                });
    }

    /** Writes the entry of a taken number, then moves the watermark; a number taken meanwhile: again, anew. */
    Mono<Long> store(long revision, List<Change> changes) {
        return mongo.insert(new ChangeRecord(revision, ChangeRecord.DEFAULT_SITE, Instant.now(), changes))
                .thenReturn(revision)
                .onErrorResume(DuplicateKeyException.class, ex -> {
                    log.warn("Revision {} was written in place of a writer that took too long; recording again",
                            revision);
                    return allocate().flatMap(n -> store(n, changes));
                })
                .flatMap(n -> advance().then(trim(n)).thenReturn(n));
    }

    /** Moves the watermark over every entry written above it; answers where it stands. */
    Mono<Long> advance() {
        return counter().flatMap(c -> exists(c.revision() + 1).flatMap(present -> !present ? Mono.just(c.revision())
                : mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("revision").is(c.revision())),
                        new Update().set("revision", c.revision() + 1).set("changedAt", Instant.now()), COUNTER)
                        // whether this step or another writer's moved it, look again from where it is now
                        .then(Mono.defer(this::advance))));
    }

    /**
     * Repairs a watermark stopped at a gap: an entry written but not yet passed (its writer failed before the
     * step) is passed now; a number taken but still unwritten after the grace period gets a site-wide entry.
     * Called periodically by {@link ChangeLogRepair}, with the time passed in so tests can move it.
     */
    Mono<Void> repair(Instant now) {
        return counter().flatMap(c -> {
            if (c.allocated() <= c.revision()) {
                gap.set(null);
                return Mono.<Void>empty();
            }
            long missing = c.revision() + 1;
            return exists(missing).flatMap(present -> {
                if (present) {
                    return advance().then();
                }
                Gap seen = gap.get();
                if (seen == null || seen.revision() != missing) {
                    gap.set(new Gap(missing, now));
                    return Mono.<Void>empty();
                }
                if (Duration.between(seen.since(), now).compareTo(properties.holeGrace()) < 0) {
                    return Mono.<Void>empty();
                }
                log.warn("Revision {} was taken but not written for {}: recording it as a site-wide change",
                        missing, properties.holeGrace());
                return mongo.insert(new ChangeRecord(missing, ChangeRecord.DEFAULT_SITE, now, List.of(Change.site())))
                        .then()
                        .onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
                        .then(advance()).then();
            });
        });
    }

    /** The entries of the given revisions that are there, in no particular order. */
    reactor.core.publisher.Flux<ChangeRecord> entries(List<Long> revisions) {
        // `_id $in` alone: a key lookup on MongoDB and on the embedded server (which scans for a range)
        return mongo.find(Query.query(Criteria.where("_id").in(revisions)), ChangeRecord.class);
    }

    private Mono<Void> trim(long revision) {
        long old = revision - properties.keep();
        return old < 1 ? Mono.empty()
                : mongo.remove(Query.query(Criteria.where("_id").is(old)), ChangeRecord.class).then();
    }

    private Mono<Boolean> exists(long revision) {
        return mongo.exists(Query.query(Criteria.where("_id").is(revision)), ChangeRecord.class);
    }

    private static Query byId() {
        return Query.query(Criteria.where("_id").is(ID));
    }

    private static Counter counter(Document doc) {
        Object at = doc.get("changedAt");
        return new Counter(number(doc.get("revision")), number(doc.get("allocated")),
                at instanceof Date date ? date.toInstant() : null);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
