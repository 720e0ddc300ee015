package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.web.ConflictException;
import be.biodiversity.portal.content.web.NotFoundException;

/**
 * Every write to pages and posts: validated by {@link PageRules}, guarded by the version (a stale version is a
 * 409 naming the current one), recorded as a revision and counted in the site revision.
 */
@Service
public class PageWriter {

    private final ReactiveMongoTemplate mongo;
    private final PageRules rules;
    private final PageHistory history;
    private final ResolvedPages resolved;
    private final RenderScheduler render;

    PageWriter(ReactiveMongoTemplate mongo, PageRules rules, PageHistory history, ResolvedPages resolved,
            RenderScheduler render) {
        this.mongo = mongo;
        this.rules = rules;
        this.history = history;
        this.resolved = resolved;
        this.render = render;
    }

    /**
     * What every editor's write must pass: {@link PageRules} (fields, unsafe markup, reserved paths), then the
     * page's Liquid against the site as it is ({@link ResolvedPages#check}). CPU work over text as long as the body
     * limit: on the render scheduler, never on the event loop that received the request.
     */
    Mono<Void> checked(NewPage request) {
        return Mono.fromRunnable(() -> rules.check(request).or(() -> rules.reserved(request.permalink()))
                .ifPresent(ex -> {
                    throw ex;
                }))
                .subscribeOn(render.scheduler())
                .onErrorMap(RejectedExecutionException.class, ex -> ResolvedPages.busy())
                .then(Mono.defer(() -> resolved.check(request)));
    }

    /** Creates a page; a page at the same language and permalink makes the insert fail with 409. */
    public Mono<Page> create(NewPage request, String author) {
        return checked(request).then(Mono.defer(() -> mongo.insert(PageDocuments.of(request, null, null, author, null,
                null)))).flatMap(page -> history.record(null, page, "create", author));
    }

    /** Replaces the content of a page, if {@code version} is still its version. */
    Mono<Page> update(String id, NewPage request, long version, String author) {
        return checked(request).then(Mono.defer(() -> existing(id))).flatMap(current -> current.version() == null || current.version() != version ? Mono.error(stale(current))
                // checked here too, so that `current` is the page this save replaces: the paths it changed
                : save(PageDocuments.of(request, id, version, author, current.sourcePath(), null), current, "update",
                        author));
    }

    Mono<Void> delete(String id, long version, String author) {
        return existing(id).flatMap(current -> {
            if (current.version() == null || current.version() != version) {
                return Mono.error(stale(current));
            }
            return mongo.remove(Query.query(Criteria.where("_id").is(id).and("version").is(version)), Page.class)
                    .flatMap(result -> result.getDeletedCount() == 1
                            ? history.recordDelete(current, author).then()
                            : existing(id).flatMap(now -> Mono.<Void>error(stale(now))));
        });
    }

    /**
     * Brings back a page as it was at an old revision, as a new version (also a deleted page). The old content
     * passes the same checks as an update: it may predate a rule (a path now reserved, markup now refused, Liquid
     * over a limit against today's data).
     */
    Mono<Page> restore(String id, long revision, Long version, String author) {
        return history.at(id, revision)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Page " + id + " has no revision " + revision)))
                .flatMap(old -> checked(history.snapshot(old).content()).thenReturn(old))
                .flatMap(old -> mongo.findById(id, Page.class)
                        .flatMap(current -> {
                            if (version == null || !version.equals(current.version())) {
                                return Mono.<Page>error(stale(current));
                            }
                            return save(PageDocuments.of(history.snapshot(old).content(), id, version, author,
                                    current.sourcePath(), null), current, "restore", author);
                        })
                        .switchIfEmpty(Mono.defer(() -> mongo.insert(PageDocuments.of(history.snapshot(old).content(), id,
                                null, author, history.snapshot(old).sourcePath(), null))
                                .flatMap(page -> history.record(null, page, "restore", author)))));
    }

    /** Saves a page the importer read: inserts it, or replaces the stored one at its language and permalink. */
    public Mono<Page> importPage(NewPage request, Page current, String sourcePath, String sourceHash, String author) {
        Page page = PageDocuments.of(request, current == null ? null : current.id(),
                current == null ? null : current.version(), author, sourcePath, sourceHash);
        return current == null ? mongo.insert(page).flatMap(p -> history.record(null, p, "import", author))
                : save(page, current, "import", author);
    }

    /** A page the importer read, with the stored page it replaces (null: a new one). */
    public record Imported(NewPage page, Page current, String sourcePath, String sourceHash) {
    }

    /**
     * New pages go to MongoDB in one insert per this many (a round trip and a commit each, not one per page). Not
     * more: a chunk in flight outlives several collections of the portal's small young generation and is copied to
     * the old one; chunks of 500 cost a 5,000-page import 3-4 more full collections and 20 MB more heap at its peak.
     */
    static final int INSERT_CHUNK = 100;

    /**
     * Saves many pages the importer read, in bulk: the new ones in one insert per {@link #INSERT_CHUNK}, each
     * carrying its own first revision ({@link Page#historyPending()}); the changed ones in one bulk write of
     * replacements per chunk, each guarded by its version as an editor's save is (a page an editor changed meanwhile
     * fails the import with 409, as before), their history in one insert per chunk. Answers how many.
     */
    public Mono<Long> importPages(List<Imported> items, String author) {
        // a new page is its own first revision (written to the history when it is next changed): half the writes
        Flux<Page> inserted = Flux.fromIterable(items).filter(i -> i.current() == null)
                .map(i -> PageDocuments.of(i.page(), null, null, author, i.sourcePath(), i.sourceHash())
                        .withHistoryPending())
                .buffer(INSERT_CHUNK)
                // two chunks in flight: one is encoded and sent while the server stores the other
                .flatMapSequential(chunk -> mongo.insertAll(chunk).collectList().flatMapMany(history::recordInPages), 2);
        Flux<Page> replaced = Flux.fromIterable(items).filter(i -> i.current() != null)
                .buffer(INSERT_CHUNK)
                .concatMap(chunk -> replaceAll(chunk, author));
        return inserted.concatWith(replaced).count();
    }

    /** One bulk write of replacements, each matched by id and version; a page changed meanwhile is a 409. */
    private Flux<Page> replaceAll(List<Imported> chunk, String author) {
        List<PageHistory.Written> writes = chunk.stream().map(i -> new PageHistory.Written(i.current(),
                PageDocuments.of(i.page(), i.current().id(), i.current().version(), author, i.sourcePath(),
                        i.sourceHash()))).toList();
        org.springframework.data.mongodb.core.ReactiveBulkOperations bulk = mongo.bulkOps(
                org.springframework.data.mongodb.core.BulkOperations.BulkMode.ORDERED, Page.class);
        List<PageHistory.Written> saved = new java.util.ArrayList<>();
        for (PageHistory.Written write : writes) {
            Page before = write.before();
            org.bson.Document replacement = new org.bson.Document();
            mongo.getConverter().write(write.after(), replacement);
            // what a versioned save does: the next version
            replacement.put("version", before.version() == null ? 0L : before.version() + 1);
            Page after = mongo.getConverter().read(Page.class, replacement);
            bulk.replaceOne(Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version())),
                    replacement);
            saved.add(new PageHistory.Written(before, after));
        }
        return bulk.execute().flatMapMany(result -> result.getMatchedCount() == saved.size()
                ? history.recordAll(saved, "import", author)
                : partly(saved, author));
    }

    /**
     * A bulk write in which some pages had changed since the import read them (an editor's save): the ones
     * written get their history, then the import fails with 409 naming the first that was not.
     */
    private Flux<Page> partly(List<PageHistory.Written> writes, String author) {
        return Flux.fromIterable(writes)
                .concatMap(w -> mongo.findById(w.before().id(), Page.class)
                        .map(now -> java.util.Map.entry(w, java.util.Optional.of(now)))
                        .defaultIfEmpty(java.util.Map.entry(w, java.util.Optional.empty())))
                .collectList()
                .flatMapMany(found -> {
                    List<PageHistory.Written> written = found.stream().filter(e -> e.getValue()
                            .filter(now -> java.util.Objects.equals(now.version(), e.getKey().after().version())
                                    && java.util.Objects.equals(now.sourceHash(), e.getKey().after().sourceHash()))
                            .isPresent()).map(java.util.Map.Entry::getKey).toList();
                    ConflictException conflict = found.stream().filter(e -> !written.contains(e.getKey()))
                            .map(e -> e.getValue().map(PageWriter::stale).orElseGet(() -> new ConflictException(
                                    "Page " + e.getKey().before().id() + " was deleted while the import wrote it; "
                                            + "import again", null)))
                            .findFirst().orElseGet(() -> new ConflictException(
                                    "Pages were changed while the import wrote them; import again", null));
                    return history.recordAll(written, "import", author).concatWith(Mono.error(conflict));
                });
    }

    public Mono<Void> importDelete(Page current, String author) {
        return delete(current.id(), current.version(), author);
    }

    /** @param before the stored page this save replaces (its version is the one the save is guarded by) */
    private Mono<Page> save(Page page, Page before, String action, String author) {
        return mongo.save(page)
                .onErrorResume(OptimisticLockingFailureException.class,
                        ex -> existing(page.id()).flatMap(now -> Mono.error(stale(now))))
                .flatMap(saved -> history.record(before, saved, action, author));
    }

    private Mono<Page> existing(String id) {
        return mongo.findById(id, Page.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page with id " + id)));
    }

    private static ConflictException stale(Page current) {
        return new ConflictException("Page " + current.id() + " was changed meanwhile: its version is now "
                + current.version() + "; reload it and apply your change again", current.version());
    }
}
