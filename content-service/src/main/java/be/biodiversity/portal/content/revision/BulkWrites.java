package be.biodiversity.portal.content.revision;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Says when a bulk write (a site import: thousands of documents) runs on this instance, so that what follows the
 * site's writes — the search indexes' change-stream followers — can wait for its end and catch up once, instead of
 * handling one write after the other while the import runs (on the embedded server each wait for the next change
 * is a scan of its whole oplog, and an import of 5,000 pages spent most of its time there).
 */
@Component
public class BulkWrites {

    private final AtomicInteger running = new AtomicInteger();
    private final Sinks.Many<Boolean> states = Sinks.many().replay().latest();

    public BulkWrites() {
        states.tryEmitNext(false);
    }

    /** Runs {@code writes} as a bulk write: followers pause from its start until it ends (also failed or cancelled). */
    public <T> Mono<T> during(Mono<T> writes) {
        return Mono.defer(() -> {
            if (running.getAndIncrement() == 0) {
                emit(true);
            }
            return writes.doFinally(signal -> {
                if (running.decrementAndGet() == 0) {
                    emit(false);
                }
            });
        });
    }

    /** True while a bulk write runs; the current state first, then each change. */
    public Flux<Boolean> running() {
        return states.asFlux().distinctUntilChanged();
    }

    private synchronized void emit(boolean state) {
        states.emitNext(state, Sinks.EmitFailureHandler.FAIL_FAST);
    }
}
