package be.biodiversity.portal.content.revision;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.config.PeriodicTask;

/** Looks for a stopped watermark every {@code portal.content.changes.repair-interval} (see {@link ChangeLog#repair}). */
@Component
class ChangeLogRepair extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogRepair.class);

    private final ChangeLog changes;
    private final ChangesProperties properties;
    private final Clock clock = Clock.systemUTC();

    ChangeLogRepair(ChangeLog changes, ChangesProperties properties) {
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    protected Flux<Void> schedule() {
        if (properties.repairInterval().isZero() || properties.repairInterval().isNegative()) {
            return null;
        }
        return Flux.interval(properties.repairInterval(), properties.repairInterval())
                .onBackpressureDrop()
                .concatMap(tick -> changes.repair(clock.instant()).onErrorResume(ex -> {
                    log.warn("Change log repair failed; trying again in {}: {}", properties.repairInterval(),
                            ex.toString());
                    return Mono.empty();
                }));
    }
}
