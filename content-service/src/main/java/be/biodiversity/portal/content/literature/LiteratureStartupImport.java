package be.biodiversity.portal.content.literature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.SiteRevision;

/**
 * At start: the invented sample literature into an empty store when asked ({@code portal.content.literature.sample},
 * a demo only; each record marked {@code sample: true}) — else removes sample records an earlier start loaded — then
 * the configured import file if any. Runs on the main thread before the service reports ready; a bad file stops the
 * start with the file's problems.
 */
@Component
class LiteratureStartupImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LiteratureStartupImport.class);
    static final String SAMPLE = "literature/sample.json";

    private final LiteratureImport importer;
    private final ReactiveLiteratureLookup lookup;
    private final LiteratureProperties properties;
    private final JsonMapper json;
    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;

    LiteratureStartupImport(LiteratureImport importer, ReactiveLiteratureLookup lookup,
            LiteratureProperties properties, JsonMapper json, ReactiveMongoTemplate mongo, SiteRevision revision) {
        this.importer = importer;
        this.lookup = lookup;
        this.properties = properties;
        this.json = json;
        this.mongo = mongo;
        this.revision = revision;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        LiteratureImport.Upload sample;
        try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
            sample = json.readValue(in, LiteratureImport.Upload.class);
        }
        if (properties.sample()) {
            if (lookup.count().block(Duration.ofSeconds(30)) == 0) {
                report(SAMPLE, importer.run(sample, LiteratureRecord.Origin.SAMPLE));
                log.warn("Loaded the invented sample literature ({} records, marked sample: true): for a demo only",
                        sample.results().size());
            }
        }
        else {
            removeSample(sample);
        }
        if (properties.importFile() != null) {
            try (InputStream in = Files.newInputStream(properties.importFile())) {
                report(properties.importFile().toString(),
                        importer.run(json.readValue(in, LiteratureImport.Upload.class)));
            }
        }
    }

    /** Sample records a start before portal.content.literature.sample existed loaded as if real; never synced ones. */
    private void removeSample(LiteratureImport.Upload sample) {
        List<String> ids = sample.results().stream().map(LiteratureRecord::id).toList();
        long removed = mongo.remove(Query.query(Criteria.where("_id").in(ids)
                        .and("origin").ne(LiteratureRecord.Origin.GBIF)), LiteratureRecord.class)
                .flatMap(result -> result.getDeletedCount() == 0 ? Mono.just(0L)
                        : revision.bump().then(importer.reindex()).thenReturn(result.getDeletedCount()))
                .block(Duration.ofSeconds(30));
        if (removed > 0) {
            log.info("Removed {} sample literature records loaded by an earlier start", removed);
        }
    }

    private static void report(String source, Mono<LiteratureImport.Report> run) {
        LiteratureImport.Report report = run.block(Duration.ofMinutes(5));
        log.info("Literature from {}: {}", source, report);
    }
}
