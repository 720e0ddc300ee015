package be.biodiversity.portal.content.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Reads the change log for a reader at revision {@code since}: only up to the watermark (so nothing a later
 * revision covers is missing), in windows of revisions fetched by key, at most {@link #LIMIT} entries an answer,
 * never splitting a revision. A gap in the revisions it reads (trimmed, or from before the log existed) makes
 * the answer {@code complete: false}.
 */
@Component
class ChangeFeed {

    static final int LIMIT = 1000;

    private final ChangeLog log;

    ChangeFeed(ChangeLog log) {
        this.log = log;
    }

    Mono<Changes> since(long since) {
        return log.counter().flatMap(counter -> {
            long current = counter.revision();
            if (since == current) {
                return Mono.just(new Changes(current, true, List.of(), false, current));
            }
            if (since > current || since < counter.allocated() - log.keep()) {
                return Mono.just(Changes.incomplete(current));
            }
            return read(since, current, new ArrayList<>(), since);
        });
    }

    /** Adds the entries of the revisions after {@code from} (a window of them) and goes on while there is room. */
    private Mono<Changes> read(long from, long current, List<Changes.Entry> entries, long through) {
        long to = Math.min(current, from + LIMIT);
        List<Long> window = LongStream.rangeClosed(from + 1, to).boxed().toList();
        return log.entries(window).collectList().flatMap(found -> {
            if (found.size() != window.size()) {
                return Mono.just(Changes.incomplete(current));
            }
            found.sort(Comparator.comparingLong(ChangeRecord::revision));
            long last = through;
            for (ChangeRecord record : found) {
                if (!ChangeRecord.DEFAULT_SITE.equals(record.site())) {
                    last = record.revision();
                    continue;
                }
                if (!entries.isEmpty() && entries.size() + record.changes().size() > LIMIT) {
                    return Mono.just(new Changes(current, true, entries, true, entries.get(entries.size() - 1).revision()));
                }
                record.changes().forEach(change -> entries.add(Changes.Entry.of(record.revision(), change)));
                last = record.revision();
            }
            return to < current ? read(to, current, entries, last)
                    : Mono.just(new Changes(current, true, entries, false, current));
        });
    }
}
