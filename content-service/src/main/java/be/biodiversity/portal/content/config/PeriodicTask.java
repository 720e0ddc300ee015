package be.biodiversity.portal.content.config;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;

/**
 * A job content-service runs on a schedule (the literature sync, the change log's repair), started and stopped with
 * the application: {@link #schedule} says what runs, or null when the job is off; it is subscribed on start and
 * disposed on stop.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private volatile Disposable running;

    /** The job's runs, one element per run (each run's failure handled inside); null when it is not to run. */
    protected abstract Flux<?> schedule();

    @Override
    public void start() {
        Flux<?> runs = schedule();
        if (runs != null) {
            this.running = runs.subscribe();
        }
    }

    @Override
    public void stop() {
        Disposable current = this.running;
        if (current != null) {
            current.dispose();
        }
        this.running = null;
    }

    @Override
    public boolean isRunning() {
        return this.running != null;
    }
}
