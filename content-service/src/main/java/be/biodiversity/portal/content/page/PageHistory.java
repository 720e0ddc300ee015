package be.biodiversity.portal.content.page;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.SiteRevision;

/** Records each write of a page as a revision and counts it in the site revision. */
@Component
class PageHistory {

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision siteRevision;

    PageHistory(ReactiveMongoTemplate mongo, SiteRevision siteRevision) {
        this.mongo = mongo;
        this.siteRevision = siteRevision;
    }

    Mono<Page> record(Page page, String action, String author) {
        org.bson.Document snapshot = new org.bson.Document();
        mongo.getConverter().write(page, snapshot);
        PageRevision revision = new PageRevision(null, page.id(), page.version() == null ? 0 : page.version(),
                action, author, Instant.now(), snapshot);
        return mongo.insert(revision).then(siteRevision.bump()).thenReturn(page);
    }

    Flux<PageRevision.Entry> entries(String pageId) {
        return mongo.find(Query.query(Criteria.where("pageId").is(pageId)).with(Sort.by(Sort.Direction.DESC, "at")),
                PageRevision.class).map(PageRevision::entry);
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
