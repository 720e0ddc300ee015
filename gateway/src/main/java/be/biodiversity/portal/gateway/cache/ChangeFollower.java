package be.biodiversity.portal.gateway.cache;

import java.util.ArrayList;
import java.util.List;

import be.biodiversity.portal.gateway.content.ContentChanges;
import be.biodiversity.portal.gateway.content.ContentChanges.Change;
import be.biodiversity.portal.gateway.content.ContentChanges.Changes;
import be.biodiversity.portal.gateway.routing.PagePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows content-service's change feed (every {@code changes-interval}, off the request path) so that no copy of
 * a page that was removed or changed is served again, not even instead of an error. Per entry: a {@code page}
 * entry (removed or changed) drops every copy of its path, fresh and stale, with any query string; a {@code site}
 * entry, or a post's (its listings changed), makes every copy stale (no longer served as fresh, still standing
 * in for errors); an answer with
 * {@code complete: false}, a revision that went back, or the first answer after start (the copies were made
 * before the gateway could follow) drops every copy. While content-service cannot be reached the copies stay as
 * they are; that is logged once per outage.
 */
@Component
class ChangeFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

    /** Pages of {@code more: true} followed at once per poll; the rest comes with the next one. */
    private static final int MAX_PAGES_PER_POLL = 20;

    private final ContentChanges feed;

    private final PageCache cache;

    private final PageCacheProperties properties;

    /** The revision the cache is up to date with; -1 before the first answer. */
    private volatile long since = -1;

    private volatile String etag;

    private volatile boolean unreachable;

    private volatile Disposable polling;

    ChangeFollower(ContentChanges feed, PageCache cache, PageCacheProperties properties) {
        this.feed = feed;
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!this.properties.enabled() || !this.properties.followChanges()) {
            return;
        }
        this.polling = Flux.interval(this.properties.changesInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> poll(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = this.polling;
        if (running != null) {
            running.dispose();
        }
        this.polling = null;
    }

    @Override
    public boolean isRunning() {
        return this.polling != null;
    }

    /** The revision the copies are known to be current for; -1 before the feed first answered. */
    long since() {
        return this.since;
    }

    /** Asks the feed once (and again at once while it says {@code more}); never fails. */
    Mono<Void> poll() {
        return pollPage(MAX_PAGES_PER_POLL)
                .doOnSuccess(ignored -> {
                    if (this.unreachable) {
                        this.unreachable = false;
                        log.info("content-service's change feed answers again; following it from revision {}",
                                this.since);
                    }
                })
                .onErrorResume(ex -> {
                    if (!this.unreachable) {
                        this.unreachable = true;
                        log.warn("content-service's change feed cannot be read ({}); the page cache keeps its copies "
                                + "until it can, and logs again when it answers", ex.toString());
                    }
                    return Mono.empty();
                });
    }

    private Mono<Void> pollPage(int pagesLeft) {
        long from = this.since;
        return this.feed.since(Math.max(from, 0), (from < 0) ? null : this.etag)
                .flatMap(answer -> {
                    boolean more = apply(from, answer.changes());
                    this.etag = answer.etag();
                    return (more && pagesLeft > 1) ? pollPage(pagesLeft - 1) : Mono.<Void>empty();
                });
    }

    /** Applies one answer read with {@code from}; true when more entries are waiting. */
    private boolean apply(long from, Changes changes) {
        if (from < 0 || !changes.complete() || changes.revision() < from) {
            this.cache.clear();
            this.since = changes.revision();
            if (from >= 0) {
                log.info("The change feed cannot say what changed since revision {} (now {}): every page copy dropped",
                        from, changes.revision());
            }
            return false;
        }
        List<String> paths = new ArrayList<>();
        boolean site = false;
        long last = from;
        for (Change change : changes.changes()) {
            if (change.isPage()) {
                paths.add(PagePath.ofDecoded(change.path()));
            }
            // A post's change changes the listings too (news, feed, sitemap, latest posts), which the gateway
            // cannot tell from other pages: no copy stays fresh, as for a site-wide change.
            site |= !change.isPage() || change.isPost();
            last = Math.max(last, change.revision());
        }
        this.cache.forgetPaths(paths);
        if (site) {
            this.cache.expireAll();
        }
        long through = (changes.through() > 0) ? changes.through() : last;
        this.since = changes.more() ? through : Math.max(through, changes.revision());
        return changes.more();
    }

    @Override
    public int getPhase() {
        // Before the web server starts taking requests, after it stops.
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
