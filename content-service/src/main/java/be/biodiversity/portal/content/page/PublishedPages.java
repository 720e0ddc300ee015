package be.biodiversity.portal.content.page;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.ChangedPages;
import be.biodiversity.portal.content.revision.SiteRevision;

/**
 * Keeps the {@link PublishedIndex} of the site in step with the site revision. Each read looks at the revision
 * (one document read by key); when it moved, the change log (read by key) names the pages that changed and only
 * those are read again, by id. Only what the log cannot name — a site-wide change, a big import, a reader too far
 * behind — makes the index be computed again from the whole collection, once, however many requests wait for it.
 * The log is shared by every instance, so each instance's index follows every instance's writes.
 * <p>
 * One site today ({@code default}); with more, one index per site key (see shared/MULTISITE.md).
 */
@Component
class PublishedPages {

    private static final Logger log = LoggerFactory.getLogger(PublishedPages.class);

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;
    private final AtomicReference<PublishedIndex> index = new AtomicReference<>();
    private final AtomicReference<Mono<PublishedIndex>> rebuilding = new AtomicReference<>();
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicLong pagesRead = new AtomicLong();

    PublishedPages(ReactiveMongoTemplate mongo, SiteRevision revision) {
        this.mongo = mongo;
        this.revision = revision;
    }

    /** The index at the current revision (or newer). */
    Mono<PublishedIndex> current() {
        return Mono.defer(() -> {
            PublishedIndex known = index.get();
            if (known == null) {
                return rebuild();
            }
            return revision.pagesChangedSince(known.revision()).flatMap(changed -> {
                if (changed.everything()) {
                    return rebuild();
                }
                if (changed.revision() == known.revision()) {
                    return Mono.just(known);
                }
                return read(changed.pageIds()).collectList()
                        .map(now -> publish(known.with(changed.revision(), changed.pageIds(), now)));
            });
        });
    }

    /** How often the index was computed from the whole collection (tests: an edit must not cause one). */
    long rebuilds() {
        return rebuilds.get();
    }

    /** How many pages were read to keep the index (tests: an edit reads the pages it changed). */
    long pagesRead() {
        return pagesRead.get();
    }

    private Mono<PublishedIndex> rebuild() {
        return Mono.defer(() -> {
            Mono<PublishedIndex> running = rebuilding.get();
            if (running != null) {
                return running;
            }
            Mono<PublishedIndex> fresh = revision.current()
                    .flatMap(state -> summaries(Query.query(Criteria.where("status").is(Page.PUBLISHED)))
                            .collectList().map(pages -> PublishedIndex.of(state.revision(), pages)))
                    .doOnNext(built -> {
                        rebuilds.incrementAndGet();
                        log.debug("Listings index computed at revision {}: {} published pages", built.revision(),
                                built.size());
                    })
                    .map(this::publish)
                    .cache();
            if (!rebuilding.compareAndSet(null, fresh)) {
                return rebuild();
            }
            return fresh.doOnTerminate(() -> rebuilding.compareAndSet(fresh, null))
                    .doOnCancel(() -> rebuilding.compareAndSet(fresh, null));
        });
    }

    /** The newer of what is kept and {@code next}, kept. */
    private PublishedIndex publish(PublishedIndex next) {
        return index.accumulateAndGet(next, (kept, offered) -> kept == null || offered.revision() >= kept.revision()
                ? offered : kept);
    }

    private Flux<PageSummary> read(Set<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        pagesRead.addAndGet(ids.size());
        // `_id $in` alone: a key lookup on MongoDB and on the embedded server
        return summaries(Query.query(Criteria.where("_id").in(ids)));
    }

    private Flux<PageSummary> summaries(Query query) {
        query.fields().exclude("body", "searchText", "frontMatter", "sourceHash");
        return mongo.find(query, Page.class).map(PageSummary::of);
    }
}
