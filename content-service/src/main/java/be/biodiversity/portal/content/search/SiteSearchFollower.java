package be.biodiversity.portal.content.search;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.memory.HeapRelease;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.ResolvedPages;
import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.revision.BulkWrites;
import be.biodiversity.portal.search.ChangeFollower;

/**
 * Keeps this instance's {@link SiteSearchIndex} in step with the {@code pages} collection, whoever wrote it: follows
 * its change stream ({@link ChangeFollower}) and indexes each published page as visitors see it (Liquid and markdown
 * resolved, the HTML as text); a page that is not published (a draft, an unpublished page) or deleted leaves the
 * index. A change of the site's data files may change what pages show, so it indexes every page again (once, a
 * moment after a burst of data writes). Started when the application is ready; the full load runs in the background.
 */
@Component
class SiteSearchFollower implements DisposableBean {

    /** The site every page belongs to until pages carry a site key (see MULTISITE). */
    static final String SITE = "default";
    private static final Logger log = LoggerFactory.getLogger(SiteSearchFollower.class);
    private static final Duration DATA_SETTLE = Duration.ofSeconds(1);

    private final ReactiveMongoTemplate mongo;
    private final ResolvedPages resolved;
    private final SiteSearchIndex index;
    private final ChangeFollower pages;
    private final ChangeFollower dataFiles;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final BulkWrites bulk;
    private final HeapRelease memory;
    private final SiteDataService data;
    private final PreparedPages prepared;
    private final RenderScheduler render;

    SiteSearchFollower(ReactiveMongoTemplate mongo, ResolvedPages resolved, SiteSearchIndex index, BulkWrites bulk,
            HeapRelease memory, SiteDataService data, PreparedPages prepared, RenderScheduler render) {
        this.data = data;
        this.prepared = prepared;
        this.render = render;
        this.bulk = bulk;
        this.memory = memory;
        this.mongo = mongo;
        this.resolved = resolved;
        this.index = index;
        this.pages = new ChangeFollower(mongo, "pages", new PageChanges());
        this.dataFiles = new ChangeFollower(mongo, "siteData", new DataChanges());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        pages.start().subscribe(loaded -> log.info("Site search: {} published pages indexed", loaded),
                error -> log.warn("Site search: the first load failed ({}); pages are indexed as they change",
                        error.toString()));
        dataFiles.start().subscribe(loaded -> { }, error -> { });
        // an import's pages are indexed once it has written them all, not one write after the other
        bulk.running().subscribe(importing -> {
            if (importing) {
                pages.pause();
                dataFiles.pause();
            }
            else {
                pages.resume();
                dataFiles.resume();
            }
        });
    }

    /** Each change of a page once it is in the index (or out of it): for tests, which wait for it. */
    Flux<ChangeFollower.Applied> applied() {
        return pages.applied();
    }

    Mono<Void> index(Page page) {
        return data.context().flatMap(site -> index(page, site));
    }

    /**
     * Many pages one after the other against the site's data as read once: reading it for each page (the site
     * revision, a query) was most of a 5,000-page load's time. A data change meanwhile indexes every page again.
     */
    private Flux<Page> indexEach(Flux<Page> pages) {
        return data.context().flatMapMany(site -> pages.concatMap(page -> index(page, site).thenReturn(page)));
    }

    private Mono<Void> index(Page page, SiteContext site) {
        if (!Page.PUBLISHED.equals(page.status())) {
            return Mono.fromRunnable(() -> index.remove(page.id()));
        }
        PreparedPages.Part part = prepared.take(page, site);
        if (part != null) {
            // as the import resolved it, against the same data: not resolved a second time
            return Mono.fromRunnable(() -> index.put(part.entry(page, SITE))).subscribeOn(render.scheduler()).then();
        }
        return resolved.forSearch(page, site)
                .map(view -> entry(page, view))
                .onErrorResume(ex -> {
                    log.debug("Site search: page {} indexed without its body ({})", page.id(), ex.toString());
                    return Mono.just(SiteEntry.of(page.id(), version(page), SITE, page.lang(), page.kind(),
                            page.permalink(), page.title(), page.description(), page.date(), List.of(), ""));
                })
                .doOnNext(index::put)
                .then();
    }

    private static SiteEntry entry(Page page, ResolvedPage view) {
        return PreparedPages.Part.of(page.title(), page.description(), view).entry(page, SITE);
    }

    private static long version(Page page) {
        return page.version() == null ? 0 : page.version();
    }

    /** Every stored page, indexed again one after the other (the render scheduler is shared with reads). */
    Mono<Long> indexAll() {
        return memory.after(indexEach(everyPage()).count());
    }

    /**
     * Every stored page without its folded search text, which the index does not read: the embedded server holds
     * a query's whole answer in memory until it is read, and with that second copy of every body a 20,000-page site
     * took the heap past its limit.
     */
    private Flux<Page> everyPage() {
        Query query = new Query();
        query.fields().exclude("searchText");
        return mongo.find(query, Page.class);
    }

    @Override
    public void destroy() {
        pages.close();
        dataFiles.close();
    }

    private final class PageChanges implements ChangeFollower.Changes {

        @Override
        public Mono<Void> upserted(Document document) {
            return index(mongo.getConverter().read(Page.class, document));
        }

        @Override
        public Mono<Void> deleted(String id) {
            return Mono.fromRunnable(() -> index.remove(id));
        }

        /** Every page again; the ones gone since are dropped after, so the index is never empty meanwhile. */
        @Override
        public Mono<Long> reload() {
            return memory.after(Mono.defer(() -> {
                java.util.Set<String> before = index.keys();
                PreparedPages.Parts handedOver = prepared.handedOver();
                java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
                return indexEach(everyPage().doOnNext(page -> stored.add(page.id()))).count()
                        .doOnNext(count -> before.stream().filter(id -> !stored.contains(id)).forEach(index::remove))
                        // every page has been read: what an import prepared and no page took is of no more use
                        .doOnNext(count -> log.info("Site search: {} pages read from the store, {}", count,
                                prepared.clear(handedOver)));
            }));
        }
    }

    /** A data file changed: every page is indexed again, once, after a burst of writes settles. */
    private final class DataChanges implements ChangeFollower.Changes {

        @Override
        public Mono<Void> upserted(Document document) {
            return refreshSoon();
        }

        @Override
        public Mono<Void> deleted(String id) {
            return refreshSoon();
        }

        @Override
        public Mono<Long> reload() {
            return Mono.just(0L);
        }

        private Mono<Void> refreshSoon() {
            if (refreshPending.compareAndSet(false, true)) {
                Mono.delay(DATA_SETTLE).doOnNext(tick -> refreshPending.set(false)).then(indexAll())
                        .subscribe(count -> log.debug("Site search: {} pages indexed again after a data change", count),
                                error -> log.warn("Site search: indexing after a data change failed: {}",
                                        error.toString()));
            }
            return Mono.empty();
        }
    }
}
