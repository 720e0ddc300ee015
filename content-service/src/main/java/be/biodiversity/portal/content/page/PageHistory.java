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
        return write(page, action, author, before, page);
    }

    /**
     * Records the creation of many pages at once (an import): their revisions in one insert, then what each
     * changed (inside an import's batch only gathered, see {@link SiteRevision#batch}).
     */
    Flux<Page> recordAll(List<Page> created, String action, String author) {
        return recordAll(created.stream().map(page -> new Written(null, page)).toList(), action, author);
    }

    /** A page as a write left it, with the page it replaced (null: it is new). */
    record Written(Page before, Page after) {
    }

    /** Records many writes at once (an import's new and changed pages): one insert of their revisions. */
    Flux<Page> recordAll(java.util.Collection<Written> writes, String action, String author) {
        Instant now = Instant.now();
        List<PageRevision> revisions = writes.stream().map(Written::after).map(page -> {
            org.bson.Document snapshot = new org.bson.Document();
            mongo.getConverter().write(page, snapshot);
            return new PageRevision(null, page.id(), page.version() == null ? 0 : page.version(), action, author,
                    now, snapshot);
        }).toList();
        return mongo.insertAll(revisions).thenMany(Flux.fromIterable(writes).concatMap(w -> siteRevision
                .record(PageChanges.between(w.before(), w.after()), changes.translations(w.before(), w.after()))
                .thenReturn(w.after())));
    }

    /** Records that {@code page} was deleted: its public path, if it had one, is gone. */
    Mono<Page> recordDelete(Page page, String author) {
        return write(page, "delete", author, page, null);
    }

    private Mono<Page> write(Page page, String action, String author, Page before, Page after) {
        org.bson.Document snapshot = new org.bson.Document();
        mongo.getConverter().write(page, snapshot);
        PageRevision revision = new PageRevision(null, page.id(), page.version() == null ? 0 : page.version(),
                action, author, Instant.now(), snapshot);
        return mongo.insert(revision)
                .then(siteRevision.record(PageChanges.between(before, after), changes.translations(before, after)))
                .thenReturn(page);
    }

    /** The history of a page, newest first; {@code publishedOnly}: only revisions whose page was published. */
    Flux<PageRevision.Entry> entries(String pageId, boolean publishedOnly) {
        Criteria criteria = Criteria.where("pageId").is(pageId);
        if (publishedOnly) {
            criteria = criteria.and("snapshot.status").is(Page.PUBLISHED);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")), PageRevision.class)
                .map(PageRevision::entry);
    }

    /** The page as it was in a revision. */
    Page snapshot(PageRevision revision) {
        return mongo.getConverter().read(Page.class, revision.snapshot());
    }

    /** The revision of a page at a version, the latest one if a version was written twice (delete). */
    Mono<PageRevision> at(String pageId, long version) {
        return mongo.find(Query.query(Criteria.where("pageId").is(pageId).and("version").is(version))
                .with(Sort.by(Sort.Direction.DESC, "at")), PageRevision.class)
                .filter(r -> !"delete".equals(r.action())).next();
    }
}
