package be.biodiversity.portal.content.jekyll;

import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With {@code portal.content.import.dir} set ({@code --portal.content.import.dir=../shared/fixtures/hp-gbif-be}),
 * imports that repository before the service reports ready (synchronously, not as a job), replacing the site stored
 * before, and logs the report: a file with an error is reported and left out (or stripped), the rest imported; an
 * unreadable folder is logged and stores nothing. The service starts anyway.
 */
@Component
@Order(1)
class StartupImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

    private final JekyllImporter importer;
    private final ImportProperties properties;

    StartupImport(JekyllImporter importer, ImportProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(properties.dir())) {
            return;
        }
        Path folder = Path.of(properties.dir()).toAbsolutePath().normalize();
        try {
            ImportReport report = importer.importFolder(folder, false, true, "import").block(Duration.ofMinutes(5));
            log.info("Imported {}: {} created, {} updated, {} unchanged, {} deleted; counts {}; {} warnings",
                    folder, report.created(), report.updated(), report.unchanged(), report.deleted(), report.counts(),
                    report.warnings());
            report.problems().forEach(p -> log.warn("  {}", p));
        }
        catch (ImportFailedException ex) {
            log.error("Import of {} failed, nothing stored: {}", folder, ex.getMessage());
            ex.report().problems().forEach(p -> log.error("  {}", p));
        }
        catch (ArchiveRejectedException ex) {
            log.error("Import of {} refused: {}", folder, ex.getMessage());
        }
    }
}
