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
 * service is quiet. So, while a large import runs, the heap grows in large steps (fewer full collections, a faster
 * import: {@link MemoryProperties#bulkHeadroom()}; a small one would only hold more memory for its few seconds: see
 * {@link #widen()}), and once no bulk job (an import, a re-index) has run for
 * {@link MemoryProperties#settle()}, if the heap grew by at least {@link MemoryProperties#minGrowth()} since the first
 * began, one full collection returns what is no longer live. An editor's single-file import never grows the heap
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
    /** Of those, the jobs that grow the live heap. */
    private int growing;
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

    /**
     * Runs {@code job} as a bulk job that grows the live heap (an import: the whole site in memory): what it grew by is
     * given back after it ends (also failed or cancelled); if it calls {@link #widen()}, the heap grows in large steps
     * until then.
     */
    public <T> Mono<T> during(Mono<T> job) {
        return Mono.defer(() -> {
            started(true);
            return job.doFinally(signal -> ended(true));
        });
    }

    /**
     * Runs {@code job} as a bulk job whose garbage, not its live data, grows the heap (a full re-index reads one page
     * after the other): the heap keeps the JVM's ratios (a large headroom for a minute-long re-index of 20,000 pages
     * would hold hundreds of megabytes), and what it grew by is given back after.
     */
    public <T> Mono<T> after(Mono<T> job) {
        return Mono.defer(() -> {
            started(false);
            return job.doFinally(signal -> ended(false));
        });
    }

    /**
     * Called from a running {@link #during} job that turns out large (an import of a thousand files or more): until the
     * last such job ends, the JVM keeps {@link MemoryProperties#bulkHeadroom()} of the heap free after each
     * collection. That saves a large import most of its full collections (5,000 documents: one instead of three), but a
     * small one would only hold more memory for its few seconds: GBIF.be's import at start-up, with it, once left
     * content-service at 437 MB instead of ~255 when the start-up benchmark measured it. Outside such a job it does
     * nothing.
     */
    public synchronized void widen() {
        if (growing == 0 || saved != null || properties.bulkHeadroom() == 0) {
            return;
        }
        JvmHeap.FreeRatios current = heap.freeRatios();
        // no shrinking at all while the job runs: what it needs now it needs again in a moment
        if (current != null && current.min() < properties.bulkHeadroom()
                && set(new JvmHeap.FreeRatios(properties.bulkHeadroom(), 100))) {
            saved = current;
        }
    }

    synchronized void started(boolean grows) {
        if (running++ == 0) {
            if (pending != null) {
                pending.dispose();
                pending = null;
            }
            if (before < 0) {
                before = heap.committed();
            }
        }
        if (grows) {
            growing++;
        }
    }

    synchronized void ended(boolean grew) {
        if (grew && --growing == 0 && saved != null) {
            set(saved);
            saved = null;
        }
        if (--running > 0) {
            return;
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
        // the collection sizes the heap to its live data plus the JVM's largest free share; for this one, the
        // smallest: the heap grows again as the service needs, in the JVM's own steps
        JvmHeap.FreeRatios ratios = heap.freeRatios();
        if (ratios != null && ratios.max() > ratios.min() && set(new JvmHeap.FreeRatios(ratios.min(), ratios.min()))) {
            try {
                heap.collect();
            }
            finally {
                set(ratios);
            }
        }
        else {
            heap.collect();
        }
        log.info("Bulk jobs over: heap collected once, {} MB -> {} MB (it had grown by {} MB)", size / MB,
                heap.committed() / MB, grown / MB);
    }

    @Override
    public synchronized void destroy() {
        if (pending != null) {
            pending.dispose();
        }
        if (saved != null) {
            set(saved);
            saved = null;
        }
    }

    /** Sets the JVM's ratios; a JVM that refuses them (a value its collector does not take) only costs speed. */
    private boolean set(JvmHeap.FreeRatios ratios) {
        try {
            heap.freeRatios(ratios);
            return true;
        }
        catch (RuntimeException refused) {
            log.warn("The JVM refused the heap free ratios {}: {}", ratios, refused.toString());
            return false;
        }
    }
}
