package be.biodiversity.portal.content.jekyll;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.language.SiteLanguages;

/**
 * Runs imports as jobs: {@link #start} stores the job and runs the import detached from the request that asked for
 * it, so that no client or gateway timeout cuts it off; the job's progress is read live on the instance that runs
 * it and from MongoDB elsewhere, its report once it is done. The importer reads and checks the whole site before it
 * writes anything, so a job that fails while reading stored nothing; one that fails while writing (the database
 * gone) says how many documents it had written — each document is written whole, and the next import of the same
 * repository completes it (unchanged documents are left alone).
 */
@Service
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** A job running on this instance, with its live counts. */
    private record Live(ImportJob started, AtomicInteger files, AtomicInteger documents,
            AtomicReference<ImportWriter.Counts> counts) implements ImportProgress {

        @Override
        public void read(int n) {
            files.set(n);
        }

        @Override
        public void checked(int n) {
            documents.set(n);
        }

        @Override
        public void writing(ImportWriter.Counts c) {
            counts.set(c);
        }

        int written() {
            ImportWriter.Counts c = counts.get();
            return c == null ? 0 : c.created().get() + c.updated().get() + c.unchanged().get() + c.deleted().get();
        }

        ImportJob now(String state, Instant finished, String reportJson, Integer status, String failure) {
            return new ImportJob(started.id(), started.site(), state, started.source(), started.author(),
                    started.startedAt(), finished, files.get(), documents.get(), written(), reportJson, status, failure);
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Map<String, Live> running = new ConcurrentHashMap<>();

    ImportJobs(ReactiveMongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** Stores a new job and starts {@code work} in the background; answers the job as started. */
    Mono<ImportJob> start(String source, String author, Function<ImportProgress, Mono<ImportReport>> work) {
        ImportJob job = new ImportJob(new ObjectId().toHexString(), SiteLanguages.DEFAULT_SITE, ImportJob.RUNNING,
                source, author, Instant.now(), null, 0, 0, 0, null, null, null);
        Live live = new Live(job, new AtomicInteger(), new AtomicInteger(), new AtomicReference<>());
        return mongo.insert(job).doOnNext(saved -> {
            running.put(saved.id(), live);
            work.apply(live)
                    .flatMap(report -> finish(live, live.now(ImportJob.DONE, Instant.now(), write(report), null, null)))
                    .onErrorResume(ex -> finish(live, failed(live, ex)))
                    .doFinally(signal -> running.remove(saved.id()))
                    .subscribe(null, ex -> log.error("Import job {} could not be recorded", saved.id(), ex));
        });
    }

    /** The job, live when it runs here. */
    Mono<ImportJob> find(String id) {
        Live live = running.get(id);
        if (live != null) {
            return Mono.just(live.now(ImportJob.RUNNING, null, null, null, null));
        }
        return mongo.findById(id, ImportJob.class);
    }

    ImportReport report(ImportJob job) {
        return job.reportJson() == null ? null : json.readValue(job.reportJson(), ImportReport.class);
    }

    private Mono<ImportJob> finish(Live live, ImportJob done) {
        return mongo.save(done);
    }

    private ImportJob failed(Live live, Throwable ex) {
        if (ex instanceof ImportFailedException refused) {
            return live.now(ImportJob.FAILED, Instant.now(), write(refused.report()), 422, refused.getMessage());
        }
        if (ex instanceof ArchiveRejectedException rejected) {
            return live.now(ImportJob.FAILED, Instant.now(), null, 400, rejected.getMessage());
        }
        if (ex instanceof ResponseStatusException status) {
            return live.now(ImportJob.FAILED, Instant.now(), null, status.getStatusCode().value(), status.getReason());
        }
        log.error("Import job {} failed after {} documents written", live.started().id(), live.written(), ex);
        return live.now(ImportJob.FAILED, Instant.now(), null, HttpStatus.INTERNAL_SERVER_ERROR.value(),
                "The import failed while storing the site, after " + live.written() + " of " + live.documents().get()
                        + " documents were written (each whole); importing the same repository again completes it");
    }

    private String write(ImportReport report) {
        return json.writeValueAsString(report);
    }
}
