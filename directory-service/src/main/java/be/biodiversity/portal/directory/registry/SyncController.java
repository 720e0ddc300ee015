package be.biodiversity.portal.directory.registry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The publisher sync from the GBIF registry on demand, and its reports (editors only, both). */
@RestController
@RequestMapping(SyncController.PATH)
class SyncController {

    static final String PATH = RegistryImportController.PATH + "/sync";

    private final RegistrySync sync;
    private final SyncReports reports;
    private final SyncProperties properties;

    SyncController(RegistrySync sync, SyncReports reports, SyncProperties properties) {
        this.sync = sync;
        this.reports = reports;
        this.properties = properties;
    }

    /** Syncs now; 200 with the report, also when GBIF could not be reached (its {@code status} says so). */
    @PostMapping
    Mono<SyncReport> sync() {
        return sync.run(SyncReport.Trigger.ON_DEMAND);
    }

    /** The newest reports first. */
    @GetMapping
    Flux<SyncReport> reports() {
        return reports.newest(properties.site());
    }
}
