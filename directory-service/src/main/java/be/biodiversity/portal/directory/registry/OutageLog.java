package be.biodiversity.portal.directory.registry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Logs a GBIF outage seen by the sync once: one WARN when a sync first fails to reach a source, one INFO when GBIF
 * answers again, DEBUG in between. An install without internet (the embedded default) logs one line, not one per run.
 */
@Component
class OutageLog {

    private static final Logger log = LoggerFactory.getLogger(OutageLog.class);

    private final AtomicBoolean inOutage = new AtomicBoolean();

    void record(SyncReport report, Duration interval) {
        boolean failing = report.status() != SyncReport.Status.COMPLETE;
        if (failing && inOutage.compareAndSet(false, true)) {
            log.warn("GBIF registry sync of {}: {} Further failures are logged at DEBUG until GBIF answers again; "
                    + "scheduled syncs retry every {}.", report.site(), report.message(), interval);
        }
        else if (!failing && inOutage.compareAndSet(true, false)) {
            log.info("GBIF registry sync of {}: GBIF answers again. {}", report.site(), report.message());
        }
        else {
            log.debug("GBIF registry sync of {}: {}", report.site(), report.message());
        }
    }
}
