package be.biodiversity.portal.render.cache;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.stereotype.Component;

/**
 * content-service's site revision as last read by the change feed's reader ({@code content/ContentChanges}). While
 * it is recent, kept pages and answers are right until a change says otherwise; while it is not (content-service
 * cannot be reached), they are kept only briefly.
 */
@Component
public class SiteRevision {

    /** No revision known: content-service was never reached, or not within the last few polls. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private final Ticker ticker;
    private final long recentNanos;
    private volatile State state = new State(UNKNOWN, 0);

    private record State(long revision, long readAtNanos) {
    }

    SiteRevision(Ticker ticker, PageCacheProperties properties) {
        this.ticker = ticker;
        this.recentNanos = properties.revisionPoll().multipliedBy(8).plusSeconds(2).toNanos();
    }

    /** The last revision read, or {@link #UNKNOWN} if none was read within a few polls. */
    public long current() {
        State now = state;
        return now.revision() != UNKNOWN && ticker.read() - now.readAtNanos() < recentNanos ? now.revision() : UNKNOWN;
    }

    /** The last revision read, however long ago; {@link #UNKNOWN} before the first. */
    public long last() {
        return state.revision();
    }

    /** content-service said this is its revision now. */
    public void read(long revision) {
        state = new State(revision, ticker.read());
    }
}
