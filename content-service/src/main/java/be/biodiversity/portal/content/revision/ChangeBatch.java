package be.biodiversity.portal.content.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The changes of many writes gathered to be recorded together (an import): per page while few documents
 * changed, else one site-wide entry plus every removal (a removed path must still reach every reader, or a
 * stale copy of it could be served again). Written in revisions of at most {@link #PER_REVISION} entries so a
 * reader's page of 1000 always holds at least one revision whole.
 */
final class ChangeBatch {

    /** More documents than this changed: one site-wide entry instead of one per page. */
    static final int MAX_DOCUMENTS = 200;
    static final int PER_REVISION = 500;

    private final ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Mono<List<Change>>> related = new ConcurrentLinkedQueue<>();
    private final AtomicInteger documents = new AtomicInteger();
    private final AtomicBoolean siteWide = new AtomicBoolean();
    private final AtomicBoolean written = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<Mono<SiteRevision.State>> state =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The revision as it was when the batch's first write asked, read once for the whole batch: the revision only
     * moves when the batch ends, and an import of 5,000 pages asked it 5,000 times, one read each.
     */
    Mono<SiteRevision.State> state(java.util.function.Supplier<Mono<SiteRevision.State>> read) {
        return state.updateAndGet(s -> s != null ? s : read.get().cache());
    }

    /**
     * The changes of one write of a document.
     *
     * @param others pages that changed because this one did (its translations): looked up only when the batch
     *               ends small, since a site-wide entry covers them and a big import should not pay for it
     */
    void add(List<Change> write, Mono<List<Change>> others) {
        documents.incrementAndGet();
        related.add(others);
        for (Change change : write) {
            if (change.isSite()) {
                siteWide.set(true);
            }
            else {
                changes.add(change);
            }
        }
    }

    /** A write that changes what many pages depend on. */
    void addSiteWide() {
        documents.incrementAndGet();
        siteWide.set(true);
    }

    /**
     * The revisions to write, each a list of entries; none when nothing was written. Answers only once, so a
     * batch that ends twice (an error after a cancel) is not recorded twice.
     */
    Mono<List<List<Change>>> revisions() {
        if (documents.get() == 0 || !written.compareAndSet(false, true)) {
            return Mono.just(List.of());
        }
        if (siteWide.get() || documents.get() > MAX_DOCUMENTS) {
            List<Change> entries = new ArrayList<>(changes.stream().filter(Change::isRemoval).distinct().toList());
            entries.add(Change.site());
            return Mono.just(split(entries));
        }
        return Flux.fromIterable(related).flatMap(m -> m, 4).collectList().map(others -> {
            // once each: an import touching three translations lists each of them once, not once per write
            LinkedHashSet<Change> entries = new LinkedHashSet<>(changes);
            others.forEach(entries::addAll);
            return split(new ArrayList<>(entries));
        });
    }

    private static List<List<Change>> split(List<Change> entries) {
        List<List<Change>> revisions = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += PER_REVISION) {
            revisions.add(entries.subList(from, Math.min(entries.size(), from + PER_REVISION)));
        }
        return revisions.isEmpty() ? List.of(List.of()) : revisions;
    }
}
