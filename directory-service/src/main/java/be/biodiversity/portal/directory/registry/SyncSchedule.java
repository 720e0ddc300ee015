package be.biodiversity.portal.directory.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
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
    private final Scheduler clock;
    private volatile Disposable runs;

    @Autowired
    SyncSchedule(RegistrySync sync, SyncProperties properties) {
        this(sync, properties, Schedulers.parallel());
    }

    /** With the scheduler that keeps time (virtual time in tests). */
    SyncSchedule(RegistrySync sync, SyncProperties properties, Scheduler clock) {
        this.sync = sync;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.scheduled()) {
            return;
        }
        runs = Flux.interval(properties.initialDelay(), properties.interval(), clock)
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
