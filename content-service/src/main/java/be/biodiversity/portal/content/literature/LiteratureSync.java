package be.biodiversity.portal.content.literature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import be.biodiversity.portal.content.gbif.GbifApi;
import be.biodiversity.portal.content.gbif.GbifPage;
import be.biodiversity.portal.content.gbif.GbifRefused;
import be.biodiversity.portal.content.gbif.GbifUnavailable;
import be.biodiversity.portal.content.revision.SiteRevision;

/**
 * Brings the site's literature in line with GBIF's literature search for the site's queries: every record found is
 * stored under GBIF's id (unchanged ones are not rewritten); records synced before that no query finds any more
 * are removed or kept ({@code remove-missing}) — only after every query was read to its end. When GBIF cannot be
 * reached nothing is removed and what is stored stays; one WARN per outage. Records that changed count one
 * site-wide revision. Each run leaves a {@link SyncReport}. One run at a time per instance.
 */
@Component
class LiteratureSync {

    static final String SEARCH = "/literature/search";
    static final String SITE = "default";
    private static final int LISTED_FAILURES = 20;
    private static final Logger log = LoggerFactory.getLogger(LiteratureSync.class);

    private final GbifApi gbif;
    private final LiteratureImport store;
    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;
    private final SyncReports reports;
    private final SyncProperties properties;
    private final JsonMapper json;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean outage = new AtomicBoolean();
    private volatile Mono<SyncReport> current = Mono.empty();

    LiteratureSync(GbifApi gbif, LiteratureImport store, ReactiveMongoTemplate mongo, SiteRevision revision,
            SyncReports reports, SyncProperties properties, JsonMapper json) {
        this.gbif = gbif;
        this.store = store;
        this.mongo = mongo;
        this.revision = revision;
        this.reports = reports;
        this.properties = properties;
        this.json = json;
    }

    /** Another sync of this instance is still running. */
    static final class AlreadyRunning extends RuntimeException {

        AlreadyRunning() {
            super("A literature sync is already running; its report will be listed when it ends");
        }
    }

    /**
     * Starts a sync and answers its report. The sync runs to its end even when the caller goes away (an editor's
     * request that times out, a schedule that stops): what it writes is then counted and reported all the same.
     *
     * @param trigger {@code schedule} or {@code editor}, kept in the report
     */
    Mono<SyncReport> run(String trigger) {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                return Mono.error(new AlreadyRunning());
            }
            // cleared before the report reaches the caller (doFinally would run after it, and the caller's next
            // run could find this one still marked running)
            Sinks.One<SyncReport> report = Sinks.one();
            current = report.asMono();
            sync(trigger).doOnTerminate(() -> running.set(false))
                    .subscribe(report::tryEmitValue, report::tryEmitError);
            return report.asMono();
        });
    }

    /** The latest sync started (its report once it ends); empty before the first. */
    Mono<SyncReport> current() {
        return current;
    }

    /** What one run counted so far; touched by one sequential pipeline only. */
    private static final class Tally {
        final Set<String> seen = new HashSet<>();
        final List<SyncReport.Failure> failures = new ArrayList<>();
        int received;
        int created;
        int updated;
        int unchanged;
        int missing;
        int removed;
        int failed;
        boolean truncated;
    }

    private Mono<SyncReport> sync(String trigger) {
        Instant started = Instant.now();
        Tally tally = new Tally();
        if (properties.queries().isEmpty()) {
            return save(trigger, started, tally, SyncReport.Status.NOT_CONFIGURED,
                    "No query is configured (portal.content.literature.sync.queries); nothing was synced");
        }
        return Flux.fromIterable(properties.parsedQueries())
                .concatMap(query -> syncQuery(query, tally, started))
                .then(Mono.defer(() -> tally.truncated ? Mono.just(SyncReport.Status.TRUNCATED)
                        : removeMissing(tally).thenReturn(SyncReport.Status.COMPLETE)))
                .map(status -> new Outcome(status, status == SyncReport.Status.TRUNCATED
                        ? "A query found more than " + properties.maxRecords()
                                + " records (portal.content.literature.sync.max-records); those read are stored, none removed"
                        : null))
                .onErrorResume(GbifUnavailable.class, ex -> Mono.just(new Outcome(SyncReport.Status.GBIF_UNAVAILABLE,
                        ex.getMessage() + "; nothing was removed, the stored records stay")))
                .onErrorResume(GbifRefused.class, ex -> Mono.just(new Outcome(SyncReport.Status.GBIF_REFUSED,
                        ex.getMessage() + "; nothing was removed")))
                .flatMap(outcome -> {
                    logOutcome(outcome);
                    return save(trigger, started, tally, outcome.status(), outcome.message());
                });
    }

    private record Outcome(SyncReport.Status status, String message) {
    }

    private Mono<Void> syncQuery(MultiValueMap<String, String> query, Tally tally, Instant now) {
        AtomicBoolean ended = new AtomicBoolean();
        return gbif.pages(SEARCH, query, JsonNode.class, properties.pageSize(), properties.maxRecords())
                .doOnNext(page -> ended.set(page.endOfRecords() || page.results().isEmpty()))
                .concatMapIterable(GbifPage::results)
                .concatMap(node -> storeOne(node, tally, now))
                .then(Mono.fromRunnable(() -> tally.truncated |= !ended.get()));
    }

    private Mono<Void> storeOne(JsonNode node, Tally tally, Instant now) {
        String id = node.path("id").isString() ? node.path("id").asString() : null;
        if (id != null && !tally.seen.add(id)) {
            return Mono.empty(); // found by an earlier query of this run
        }
        tally.received++;
        LiteratureRecord record;
        try {
            record = json.treeToValue(node, LiteratureRecord.class);
        }
        catch (JacksonException ex) {
            return fail(tally, id, "", ex.getOriginalMessage());
        }
        List<LiteratureImport.Problem> problems = LiteratureImport.check(List.of(record));
        if (!problems.isEmpty()) {
            LiteratureImport.Problem first = problems.get(0);
            return fail(tally, id, first.field().replaceFirst("^results\\[0]\\.?", ""), first.message());
        }
        return store.store(record, LiteratureRecord.Origin.GBIF, now)
                .doOnNext(outcome -> {
                    switch (outcome) {
                        case CREATED -> tally.created++;
                        case UPDATED -> tally.updated++;
                        case UNCHANGED -> tally.unchanged++;
                    }
                })
                .then();
    }

    private static Mono<Void> fail(Tally tally, String id, String field, String message) {
        tally.failed++;
        if (tally.failures.size() < LISTED_FAILURES) {
            tally.failures.add(new SyncReport.Failure(id, field, message));
        }
        return Mono.empty();
    }

    /** Records synced before that no query found in this complete run. */
    private Mono<Void> removeMissing(Tally tally) {
        Query missing = Query.query(Criteria.where("origin").is(LiteratureRecord.Origin.GBIF)
                .and("_id").nin(tally.seen));
        if (!properties.removeMissing()) {
            return mongo.count(missing, LiteratureRecord.class).doOnNext(n -> tally.missing = n.intValue()).then();
        }
        return mongo.remove(missing, LiteratureRecord.class).doOnNext(result -> {
            tally.missing = (int) result.getDeletedCount();
            tally.removed = tally.missing;
        }).flatMap(result -> result.getDeletedCount() == 0 ? Mono.empty() : store.reindex()).then();
    }

    private void logOutcome(Outcome outcome) {
        if (outcome.status() == SyncReport.Status.GBIF_UNAVAILABLE) {
            if (outage.compareAndSet(false, true)) {
                log.warn("Literature sync: {} (logged once until GBIF answers again)", outcome.message());
            }
            else {
                log.debug("Literature sync: {}", outcome.message());
            }
            return;
        }
        if (outage.compareAndSet(true, false)) {
            log.info("Literature sync: GBIF's literature search answers again");
        }
        if (outcome.status() == SyncReport.Status.GBIF_REFUSED) {
            log.warn("Literature sync: {}", outcome.message());
        }
    }

    private Mono<SyncReport> save(String trigger, Instant started, Tally tally, SyncReport.Status status,
            String message) {
        SyncReport report = new SyncReport(null, SITE, trigger, started, Instant.now(), status, message,
                properties.queries(), tally.received, tally.created, tally.updated, tally.unchanged, tally.missing,
                tally.removed, tally.missing - tally.removed, tally.failed, List.copyOf(tally.failures));
        Mono<SyncReport> saved = reports.save(report, properties.keepReports());
        if (report.changedRecords()) {
            saved = revision.bump().then(saved);
        }
        log.info("Literature sync ({}): {} — received {}, created {}, updated {}, unchanged {}, missing {} "
                + "(removed {}), failed {}", trigger, status, report.received(), report.created(), report.updated(),
                report.unchanged(), report.missing(), report.removed(), report.failed());
        return saved;
    }
}
