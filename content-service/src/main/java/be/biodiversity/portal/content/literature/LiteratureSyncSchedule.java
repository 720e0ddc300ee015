package be.biodiversity.portal.content.literature;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.config.PeriodicTask;

/**
 * Runs the literature sync every {@code portal.content.literature.sync.interval} (first after
 * {@code initial-delay}); off when the interval is 0 or no query is configured. A sync that is still running when
 * the next is due makes that one skip.
 */
@Component
class LiteratureSyncSchedule extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(LiteratureSyncSchedule.class);

    private final Function<String, Mono<SyncReport>> sync;
    private final SyncProperties properties;

    @Autowired
    LiteratureSyncSchedule(LiteratureSync sync, SyncProperties properties) {
        this(sync::run, properties);
    }

    LiteratureSyncSchedule(Function<String, Mono<SyncReport>> sync, SyncProperties properties) {
        this.sync = sync;
        this.properties = properties;
    }

    /** The scheduled runs' reports, one per interval. */
    Flux<SyncReport> runs() {
        return Flux.interval(properties.initialDelay(), properties.interval())
                .onBackpressureDrop()
                .concatMap(tick -> sync.apply("schedule").onErrorResume(ex -> {
                    if (ex instanceof LiteratureSync.AlreadyRunning) {
                        log.debug("Scheduled literature sync skipped: {}", ex.getMessage());
                    }
                    else {
                        log.warn("Scheduled literature sync failed; trying again in {}: {}", properties.interval(),
                                ex.toString());
                    }
                    return Mono.empty();
                }));
    }

    @Override
    protected Flux<SyncReport> schedule() {
        return properties.scheduled() ? runs() : null;
    }
}
