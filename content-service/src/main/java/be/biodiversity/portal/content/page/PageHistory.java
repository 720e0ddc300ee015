package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.SiteRevision;

/** Records each write of a page as a revision and counts it in the site revision, with what it changed. */
@Component
class PageHistory {

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision siteRevision;
    private final PageChanges changes;

    PageHistory(ReactiveMongoTemplate mongo, SiteRevision siteRevision, PageChanges changes) {
        this.mongo = mongo;
        this.siteRevision = siteRevision;
        this.changes = changes;
    }

    /** @param before the page as it was before this write (null: none), to tell which public paths changed */
    Mono<Page> record(Page before, Page page, String action, String author) {
        return pendingOf(before).then(write(page, action, author, before, page));
    }

    /**
     * Records the creation of many pages at once (an import): their revisions in one insert, then what each
     * changed (inside an import's batch only gathered, see {@link SiteRevision#batch}).
     */
    Flux<Page> recordAll(List<Page> created, String action, String author) {
        return recordAll(created.stream().map(page -> new Written(null, page)).toList(), action, author);
    }

    /**
     * Records new pages that carry their own first revision ({@link Page#historyPending()}): nothing is written to
     * the history now (the import of a site wrote every page twice), only what each changed is counted.
     */
    Flux<Page> recordInPages(List<Page> created) {
        return Flux.fromIterable(created).concatMap(page -> siteRevision
                .record(PageChanges.between(null, page), changes.translations(null, page)).thenReturn(page));
    }

    /** A page as a write left it, with the page it replaced (null: it is new). */
    record Written(Page before, Page after) {
    }

    /**
     * Records many writes at once (an import's new and changed pages): one insert of their revisions, with the
     * first revision of each replaced page that still carried its own.
     */
    Flux<Page> recordAll(java.util.Collection<Written> writes, String action, String author) {
        Instant now = Instant.now();
        List<PageRevision> revisions = new java.util.ArrayList<>();
        writes.stream().map(Written::before).filter(b -> b != null && b.historyIsPending()).map(this::pending)
                .forEach(revisions::add);
        writes.stream().map(Written::after).map(page -> revision(page, action, author, now)).forEach(revisions::add);
        return mongo.insertAll(revisions).thenMany(Flux.fromIterable(writes).concatMap(w -> siteRevision
                .record(PageChanges.between(w.before(), w.after()), changes.translations(w.before(), w.after()))
                .thenReturn(w.after())));
    }

    /** Records that {@code page} was deleted: its public path, if it had one, is gone. */
    Mono<Page> recordDelete(Page page, String author) {
        return pendingOf(page).then(write(page, "delete", author, page, null));
    }

    private Mono<Page> write(Page page, String action, String author, Page before, Page after) {
        return mongo.insert(revision(page, action, author, Instant.now()))
                .then(siteRevision.record(PageChanges.between(before, after), changes.translations(before, after)))
                .thenReturn(page);
    }

    /** The revision a page's own first version stands for, written once the page changes (null: none pending). */
    private Mono<PageRevision> pendingOf(Page before) {
        return before == null || !before.historyIsPending() ? Mono.empty() : mongo.insert(pending(before));
    }

    /** The revision of a version that carried its own: as the import that wrote it. */
    private PageRevision pending(Page page) {
        return revision(page, "import", page.updatedBy(), page.updatedAt());
    }

    /**
     * The page as a revision: without its folded search text (a copy of its text that only queries of current pages
     * use) and without the mark of a pending revision.
     */
    private PageRevision revision(Page page, String action, String author, Instant at) {
        org.bson.Document snapshot = new org.bson.Document();
        mongo.getConverter().write(page, snapshot);
        snapshot.remove("searchText");
        snapshot.remove("historyPending");
        return new PageRevision(null, page.id(), page.version() == null ? 0 : page.version(), action, author, at,
                snapshot);
    }

    /**
     * The history of a page, newest first; {@code publishedOnly}: only revisions whose page was published. A page
     * that carries its own first revision ({@link Page#historyPending()}) lists it from itself.
     */
    Flux<PageRevision.Entry> entries(String pageId, boolean publishedOnly) {
        Criteria criteria = Criteria.where("pageId").is(pageId);
        if (publishedOnly) {
            criteria = criteria.and("snapshot.status").is(Page.PUBLISHED);
        }
        Flux<PageRevision.Entry> stored = mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")),
                PageRevision.class).map(PageRevision::entry);
        return carried(pageId).filter(page -> !publishedOnly || page.published()).map(page -> pending(page).entry())
                .concatWith(stored);
    }

    /** The page as it was in a revision. */
    Page snapshot(PageRevision revision) {
        return mongo.getConverter().read(Page.class, revision.snapshot());
    }

    /** The revision of a page at a version, the latest one if a version was written twice (delete). */
    Mono<PageRevision> at(String pageId, long version) {
        return mongo.find(Query.query(Criteria.where("pageId").is(pageId).and("version").is(version))
                .with(Sort.by(Sort.Direction.DESC, "at")), PageRevision.class)
                .filter(r -> !"delete".equals(r.action())).next()
                .switchIfEmpty(Mono.defer(() -> carried(pageId).filter(page -> page.version() != null
                        && page.version() == version).map(this::pending)));
    }

    /** The page, if it carries its own revision (one lookup by id). */
    private Mono<Page> carried(String pageId) {
        return mongo.findById(pageId, Page.class).filter(Page::historyIsPending);
    }
}
