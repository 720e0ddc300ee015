package be.biodiversity.portal.content.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the change log for a reader at revision {@code since}: only up to the watermark (so nothing a later
 * revision covers is missing), in windows of revisions fetched by key, at most {@link #LIMIT} entries an answer,
 * never splitting a revision. A gap in the revisions it reads (trimmed, or from before the log existed) makes
 * the answer {@code complete: false}. At most {@link #MAX_WINDOWS} windows are read for one answer: past them it
 * answers {@code more: true} with {@code through} the last revision read, so that a request from far behind
 * (revisions of drafts or of other sites list nothing) cannot make it scan the whole log.
 */
@Component
class ChangeFeed {

    static final int LIMIT = 1000;
    static final int MAX_WINDOWS = 3;

    private final ChangeLog log;
    private final int window;
    private final int maxWindows;

    @Autowired
    ChangeFeed(ChangeLog log) {
        this(log, LIMIT, MAX_WINDOWS);
    }

    /** @param window revisions read at once; @param maxWindows windows read for one answer */
    ChangeFeed(ChangeLog log, int window, int maxWindows) {
        this.log = log;
        this.window = window;
        this.maxWindows = maxWindows;
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
            return read(since, current, new ArrayList<>(), since, 1);
        });
    }

    /** Adds the entries of the revisions after {@code from} (a window of them) and goes on while there is room. */
    private Mono<Changes> read(long from, long current, List<Changes.Entry> entries, long through, int windows) {
        long to = Math.min(current, from + window);
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
            if (to < current && windows >= maxWindows) {
                return Mono.just(new Changes(current, true, entries, true, to));
            }
            return to < current ? read(to, current, entries, last, windows + 1)
                    : Mono.just(new Changes(current, true, entries, false, current));
        });
    }
}
