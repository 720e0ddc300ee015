package be.biodiversity.portal.content.revision;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Looks for a stopped watermark every {@code portal.content.changes.repair-interval} (see {@link ChangeLog#repair}). */
@Component
class ChangeLogRepair implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogRepair.class);

    private final ChangeLog changes;
    private final ChangesProperties properties;
    private final Clock clock = Clock.systemUTC();
    private volatile Disposable running;

    ChangeLogRepair(ChangeLog changes, ChangesProperties properties) {
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.repairInterval().isZero() || properties.repairInterval().isNegative()) {
            return;
        }
        running = Flux.interval(properties.repairInterval(), properties.repairInterval())
                .onBackpressureDrop()
                .concatMap(tick -> changes.repair(clock.instant()).onErrorResume(ex -> {
                    log.warn("Change log repair failed; trying again in {}: {}", properties.repairInterval(),
                            ex.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
