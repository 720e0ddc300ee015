package be.biodiversity.portal.content.revision;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A number that grows on every write to the site's content, kept in MongoDB (one document, read by id) so that
 * every instance of the service and every reader sees the same value, and with it the log of what each
 * revision changed ({@code GET /api/content/v1/changes}). A reader that cached something at revision n knows it
 * is stale when the revision is no longer n, and the log tells it which paths.
 * <p>
 * Every package that writes calls {@link #record} (what its write changed) or {@link #bump} (something site-wide)
 * after its write succeeded. Writes made inside {@link #batch} are recorded together when the batch ends.
 */
@Component
public class SiteRevision {

    private final ChangeLog log;

    SiteRevision(ChangeLog log) {
        this.log = log;
    }

    /** Counts a write that many pages depend on (a data file, literature): a site-wide change. */
    public Mono<State> bump() {
        return Mono.deferContextual(ctx -> ctx.<ChangeBatch>getOrEmpty(ChangeBatch.class)
                .map(batch -> {
                    batch.addSiteWide();
                    return batch.state(this::current);
                })
                .orElseGet(() -> write(List.of(Change.site()))));
    }

    /** Counts one write of a document with what it changed (empty: nothing public, e.g. a draft). */
    public Mono<State> record(List<Change> changes) {
        return record(changes, Mono.just(List.of()));
    }

    /**
     * Counts one write of a document with what it changed, and {@code others}: what changed because of it
     * (e.g. its translations), recorded in the same revision; inside a batch looked up only if it ends small.
     */
    public Mono<State> record(List<Change> changes, Mono<List<Change>> others) {
        return Mono.deferContextual(ctx -> ctx.<ChangeBatch>getOrEmpty(ChangeBatch.class)
                .map(batch -> {
                    batch.add(changes, others);
                    return batch.state(this::current);
                })
                .orElseGet(() -> others.flatMap(more -> {
                    List<Change> all = new java.util.ArrayList<>(changes);
                    all.addAll(more);
                    return write(all);
                })));
    }

    /**
     * Runs {@code writes} (an import) and records what its writes changed when it ends — also when it fails or
     * is cancelled halfway, since what it wrote by then stays written: per page while at most 200 documents
     * changed, else one site-wide entry (plus the removed paths).
     */
    public <T> Mono<T> batch(Mono<T> writes) {
        return Mono.deferContextual(ctx -> ctx.hasKey(ChangeBatch.class) ? writes : batched(writes));
    }

    /** A batch inside a batch (the import's pages inside the import with its static files) joins the outer one. */
    private <T> Mono<T> batched(Mono<T> writes) {
        return Mono.defer(() -> {
            ChangeBatch batch = new ChangeBatch();
            return writes.contextWrite(ctx -> ctx.put(ChangeBatch.class, batch))
                    .flatMap(result -> commit(batch).thenReturn(result))
                    .onErrorResume(ex -> commit(batch).then(Mono.error(ex)))
                    .doOnCancel(() -> commit(batch).subscribe());
        });
    }

    /** The current revision; 0 before the first write. Every change up to it can be read from the log. */
    public Mono<State> current() {
        return log.counter().map(c -> new State(c.revision(), c.changedAt()));
    }

    /**
     * Which pages changed after revision {@code since} (for caches inside this service that follow the log):
     * read by key from the log, up to the revision readers see.
     */
    public Mono<ChangedPages> pagesChangedSince(long since) {
        return ChangedPages.since(log, since);
    }

    private Mono<Void> commit(ChangeBatch batch) {
        return batch.revisions().flatMapMany(Flux::fromIterable).concatMap(log::record).then();
    }

    private Mono<State> write(List<Change> changes) {
        return log.record(changes).map(n -> new State(n, Instant.now()));
    }

    /** @param changedAt when the revision last moved; null before the first write */
    public record State(long revision, Instant changedAt) {
    }
}
