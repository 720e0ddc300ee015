package be.biodiversity.portal.render.content;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.ContentChange;
import be.biodiversity.portal.render.cache.PageCacheProperties;
import be.biodiversity.portal.render.cache.PagePaths;
import be.biodiversity.portal.render.cache.SiteCaches;
import be.biodiversity.portal.render.cache.SiteRevision;

/**
 * Follows content-service's change feed ({@code GET /api/content/v1/changes?since=n}, every
 * {@code portal.cache.revision-poll}) and tells the caches which paths changed, so that they forget exactly those:
 * a removed page in every form at once, a post's listings with it, everything only on a site-wide change.
 * <p>
 * The first read takes the current revision ({@code GET /api/content/v1/revision}): nothing is kept yet, so nothing
 * before it matters. A content-service without the feed (it answers 404) is followed by its revision alone, as
 * before: any new revision counts as a site-wide change. The feed is tried again every few hundred polls.
 */
@Component
public class ContentChanges implements InitializingBean, DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(ContentChanges.class);
    private static final long NONE = SiteRevision.UNKNOWN;
    private static final int RETRY_FEED_EVERY = 240;

    private final WebClient http;
    private final SiteRevision revision;
    private final SiteCaches caches;
    private final PagePaths languages;
    private final Duration poll;
    private final AtomicLong since = new AtomicLong(NONE);
    private final AtomicInteger pollsWithoutFeed = new AtomicInteger(-1);
    private Disposable polling;

    ContentChanges(ContentClients.ContentHttp http, SiteRevision revision, SiteCaches caches,
            PagePaths languages, PageCacheProperties properties) {
        this.http = http.web();
        this.revision = revision;
        this.caches = caches;
        this.languages = languages;
        this.poll = properties.revisionPoll();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Revision(Long revision) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changes(Long revision, Boolean complete, List<Entry> changes, Boolean more, Long through) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(Long revision, String scope, String lang, String path, String kind, Boolean removed) {
    }

    /** One poll: what changed since the last one is applied; gives the site revision now. */
    public Mono<Long> read() {
        return Mono.defer(() -> {
            long from = since.get();
            if (from == NONE) {
                return currentRevision().doOnNext(this::start);
            }
            int without = pollsWithoutFeed.get();
            if (without >= 0 && without < RETRY_FEED_EVERY) {
                pollsWithoutFeed.incrementAndGet();
                return currentRevision().doOnNext(this::revisionOnly);
            }
            return changes(from);
        });
    }

    private void start(long current) {
        since.set(current);
        revision.read(current);
    }

    /** Without the feed: a new revision may be any change, so it is taken as a site-wide one. */
    private void revisionOnly(long current) {
        long before = since.getAndSet(current);
        if (current < before) {
            caches.everythingChanged();
        }
        else if (current != before) {
            caches.changed(List.of(ContentChange.site(current)));
        }
        revision.read(current);
    }

    private Mono<Long> changes(long from) {
        // a URI template, so that the client metrics' uri tag stays one value whatever the revision
        return http.get().uri("/api/content/v1/changes?since={since}", from)
            // content-service's ETag is its revision: nothing new since ours is a 304 without a body
            .header("If-None-Match", "\"" + from + "\"")
            .exchangeToMono(response -> {
                if (response.statusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED)) {
                    pollsWithoutFeed.set(-1);
                    return response.releaseBody().then(Mono.fromSupplier(() -> {
                        revision.read(from);
                        return from;
                    }));
                }
                if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return response.releaseBody().then(Mono.fromSupplier(() -> {
                        if (pollsWithoutFeed.getAndSet(0) < 0) {
                            logger.info("content-service has no change feed: following its revision alone");
                        }
                        return false;
                    })).flatMap(feed -> currentRevision().doOnNext(this::revisionOnly));
                }
                if (response.statusCode().is2xxSuccessful()) {
                    pollsWithoutFeed.set(-1);
                    return response.bodyToMono(Changes.class).flatMap(page -> apply(from, page));
                }
                return response.createError();
            });
    }

    /** Applies one page of the feed; asks for the next one at once when there is more. */
    private Mono<Long> apply(long from, Changes page) {
        long current = page.revision() == null ? NONE : page.revision();
        List<Entry> entries = page.changes() == null ? List.of() : page.changes();
        if (current == NONE || Boolean.FALSE.equals(page.complete()) || current < from) {
            logger.info("Change feed incomplete since revision {} (now {}): every kept page is forgotten", from,
                    current);
            caches.everythingChanged();
            start(current == NONE ? from : current);
            return Mono.just(since.get());
        }
        caches.changed(entries.stream().map(this::change).toList());
        if (Boolean.TRUE.equals(page.more()) && !entries.isEmpty()) {
            Long last = page.through() != null ? page.through() : entries.get(entries.size() - 1).revision();
            if (last != null && last > from) {
                since.set(last);
                return changes(last);
            }
        }
        start(current);
        return Mono.just(current);
    }

    private ContentChange change(Entry entry) {
        long at = entry.revision() == null ? 0 : entry.revision();
        if (!"page".equals(entry.scope()) || entry.path() == null) {
            return ContentChange.site(at);
        }
        Boolean post = "post".equals(entry.kind()) ? Boolean.TRUE : "page".equals(entry.kind()) ? Boolean.FALSE : null;
        return ContentChange.page(at, languages.permalinkKey(entry.path()), Boolean.TRUE.equals(entry.removed()),
                post, entry.lang());
    }

    private Mono<Long> currentRevision() {
        return http.get().uri("/api/content/v1/revision").retrieve().bodyToMono(Revision.class)
            .map(r -> r.revision() == null ? NONE : r.revision())
            .filter(r -> r != NONE);
    }

    @Override
    public void afterPropertiesSet() {
        polling = Flux.interval(Duration.ZERO, poll)
            .onBackpressureDrop()
            .concatMap(tick -> read().onErrorResume(ex -> {
                if (revision.last() != SiteRevision.UNKNOWN) {
                    logger.debug("Cannot read content-service's changes: {}", ex.getMessage());
                }
                return Mono.empty();
            }), 1)
            .subscribe();
    }

    @Override
    public void destroy() {
        if (polling != null) {
            polling.dispose();
        }
    }
}
