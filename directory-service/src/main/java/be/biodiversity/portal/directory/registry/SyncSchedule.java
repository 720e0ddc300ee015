package be.biodiversity.portal.directory.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the publisher sync every {@code portal.registry.sync.interval} after {@code initial-delay}, when
 * {@code portal.registry.sync.scheduled} is on. A run that is still going when the next is due makes that one skip.
 */
@Component
class SyncSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);

    private final RegistrySync sync;
    private final SyncProperties properties;
    private volatile Disposable runs;

    SyncSchedule(RegistrySync sync, SyncProperties properties) {
        this.sync = sync;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.scheduled()) {
            return;
        }
        runs = Flux.interval(properties.initialDelay(), properties.interval())
                .onBackpressureDrop()
                .concatMap(tick -> sync.run(SyncReport.Trigger.SCHEDULED)
                        .onErrorResume(error -> {
                            // The report could not be written (MongoDB down) or a sync was running on demand.
                            log.warn("Scheduled GBIF registry sync did not run to the end: {}", error.getMessage());
                            return Mono.empty();
                        }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = runs;
        if (current != null) {
            current.dispose();
        }
        runs = null;
    }

    @Override
    public boolean isRunning() {
        return runs != null;
    }
}
