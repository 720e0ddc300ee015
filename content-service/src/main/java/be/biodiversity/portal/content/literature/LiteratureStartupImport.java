package be.biodiversity.portal.content.literature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At start: the sample literature into an empty store, then the configured import file if any. Runs on the
 * main thread before the service reports ready; a bad file stops the start with the file's problems.
 */
@Component
class LiteratureStartupImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LiteratureStartupImport.class);
    static final String SAMPLE = "literature/sample.json";

    private final LiteratureImport importer;
    private final ReactiveLiteratureLookup lookup;
    private final LiteratureProperties properties;
    private final JsonMapper json;

    LiteratureStartupImport(LiteratureImport importer, ReactiveLiteratureLookup lookup,
            LiteratureProperties properties, JsonMapper json) {
        this.importer = importer;
        this.lookup = lookup;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.loadSample() && lookup.count().block(Duration.ofSeconds(30)) == 0) {
            try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
                report(SAMPLE, importer.run(json.readValue(in, LiteratureImport.Upload.class)));
            }
        }
        if (properties.importFile() != null) {
            try (InputStream in = Files.newInputStream(properties.importFile())) {
                report(properties.importFile().toString(),
                        importer.run(json.readValue(in, LiteratureImport.Upload.class)));
            }
        }
    }

    private static void report(String source, Mono<LiteratureImport.Report> run) {
        LiteratureImport.Report report = run.block(Duration.ofMinutes(5));
        log.info("Literature from {}: {}", source, report);
    }
}
