package be.biodiversity.portal.content.memory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Gives back to the system the heap a bulk job needed. A site import holds the whole site in memory while it reads,
 * checks and writes it, and the site search's full re-index that follows resolves every page again: the heap grows
 * by tens of megabytes, and the JVM would keep it until some later full collection that may never come while the
 * service is quiet. So, while any bulk job runs, the heap grows in large steps (fewer full collections, a faster
 * import: {@link MemoryProperties#bulkHeadroom()}); once none has run for {@link MemoryProperties#settle()}, the
 * JVM's own ratios are back and, if the heap grew by at least {@link MemoryProperties#minGrowth()} since the first
 * job began, one full collection returns what is no longer live. An editor's single-file import never grows the heap
 * that much, so it never pauses the service.
 */
@Component
public class HeapRelease implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HeapRelease.class);
    private static final long MB = 1024 * 1024;

    private final MemoryProperties properties;
    private final JvmHeap heap;
    private final Scheduler timer;
    private int running;
    /** The heap's size when the first job of a burst began; -1 between bursts. */
    private long before = -1;
    /** The JVM's ratios, kept while the bulk ones are set. */
    private JvmHeap.FreeRatios saved;
    private Disposable pending;

    @Autowired
    HeapRelease(MemoryProperties properties) {
        this(properties, JvmHeap.running(), Schedulers.boundedElastic());
    }

    HeapRelease(MemoryProperties properties, JvmHeap heap, Scheduler timer) {
        this.properties = properties;
        this.heap = heap;
        this.timer = timer;
    }

    /** Runs {@code job} as a bulk job: the heap grows in large steps until it ends (also failed or cancelled). */
    public <T> Mono<T> during(Mono<T> job) {
        return Mono.defer(() -> {
            started();
            return job.doFinally(signal -> ended());
        });
    }

    synchronized void started() {
        if (running++ > 0) {
            return;
        }
        if (pending != null) {
            pending.dispose();
            pending = null;
        }
        if (before < 0) {
            before = heap.committed();
        }
        if (properties.bulkHeadroom() > 0 && saved == null) {
            JvmHeap.FreeRatios current = heap.freeRatios();
            if (current != null && current.min() < properties.bulkHeadroom()) {
                saved = current;
                // no shrinking at all while the job runs: what it needs now it needs again in a moment
                heap.freeRatios(new JvmHeap.FreeRatios(properties.bulkHeadroom(), 100));
            }
        }
    }

    synchronized void ended() {
        if (--running > 0) {
            return;
        }
        if (saved != null) {
            heap.freeRatios(saved);
            saved = null;
        }
        pending = Mono.delay(properties.settle(), timer).subscribe(tick -> release());
    }

    private synchronized void release() {
        pending = null;
        if (running > 0 || before < 0) {
            return;
        }
        long grown = heap.committed() - before;
        before = -1;
        if (!properties.releaseAfterBulk() || grown < properties.minGrowth().toBytes()) {
            return;
        }
        long size = heap.committed();
        heap.collect();
        log.info("Bulk jobs over: heap collected once, {} MB -> {} MB (it had grown by {} MB)", size / MB,
                heap.committed() / MB, grown / MB);
    }

    @Override
    public synchronized void destroy() {
        if (pending != null) {
            pending.dispose();
        }
        if (saved != null) {
            heap.freeRatios(saved);
            saved = null;
        }
    }
}
