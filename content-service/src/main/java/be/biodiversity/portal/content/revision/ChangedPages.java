package be.biodiversity.portal.content.revision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import reactor.core.publisher.Mono;

/**
 * Which pages changed after a revision, for a reader inside this service that keeps something computed from
 * the published pages (the listings): the ids to read again, or {@code everything} when the log cannot say
 * (a site-wide change, entries from before page ids were kept, a reader too far behind or trimmed away).
 *
 * @param revision   the revision this answer brings the reader to
 * @param everything true: recompute from scratch; {@code pageIds} is then empty
 * @param pageIds    the pages whose published state may have changed (read them again by id)
 */
public record ChangedPages(long revision, boolean everything, Set<String> pageIds) {

    /** Past this many revisions behind, recomputing is cheaper than reading the log. */
    static final int MAX_BEHIND = 2_000;

    public ChangedPages {
        pageIds = Set.copyOf(pageIds);
    }

    static ChangedPages everything(long revision) {
        return new ChangedPages(revision, true, Set.of());
    }

    /** Reads the log of {@code log} after {@code since}, by key, up to its watermark. */
    static Mono<ChangedPages> since(ChangeLog log, long since) {
        return log.counter().flatMap(counter -> {
            long current = counter.revision();
            if (since == current) {
                return Mono.just(new ChangedPages(current, false, Set.of()));
            }
            if (since > current || since < 0 || current - since > MAX_BEHIND
                    || since < counter.allocated() - log.keep()) {
                return Mono.just(everything(current));
            }
            List<Long> revisions = LongStream.rangeClosed(since + 1, current).boxed().toList();
            return log.entries(revisions).collectList().map(found -> of(found, revisions.size(), current));
        });
    }

    private static ChangedPages of(List<ChangeRecord> found, int expected, long current) {
        if (found.size() != expected) {
            return everything(current);
        }
        Set<String> ids = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        found.stream().filter(r -> ChangeRecord.DEFAULT_SITE.equals(r.site()))
                .forEach(r -> changes.addAll(r.changes()));
        for (Change change : changes) {
            if (change.isSite() || change.pageId() == null) {
                return everything(current);
            }
            ids.add(change.pageId());
        }
        return new ChangedPages(current, false, ids);
    }
}
