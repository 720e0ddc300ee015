package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The import's CPU work over many files (parsing front matter, resolving each page's Liquid and markdown for the
 * checks) on a bounded pool of its own: at most {@code parallelism} threads, started for one step of one import
 * and stopped after it, so neither the request threads nor the scheduler that resolves pages for visitors carry it.
 * Results come back in the order of the input, so the report lists problems in the same order as one thread would.
 */
final class ImportPool {

    /** The inputs are cut in slices of this many; each free thread takes the next slice. */
    private static final int SLICE = 64;

    private final int parallelism;

    ImportPool(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
    }

    int parallelism() {
        return parallelism;
    }

    /** {@code work} applied to each input, in the input's order; the first exception thrown is thrown here. */
    <I, O> List<O> map(List<I> inputs, Function<I, O> work) {
        if (parallelism == 1 || inputs.size() <= SLICE) {
            List<O> out = new ArrayList<>(inputs.size());
            inputs.forEach(input -> out.add(work.apply(input)));
            return out;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<O>>> slices = new ArrayList<>();
            for (int from = 0; from < inputs.size(); from += SLICE) {
                List<I> slice = inputs.subList(from, Math.min(inputs.size(), from + SLICE));
                slices.add(pool.submit(() -> {
                    List<O> out = new ArrayList<>(slice.size());
                    slice.forEach(input -> out.add(work.apply(input)));
                    return out;
                }));
            }
            List<O> out = new ArrayList<>(inputs.size());
            for (Future<List<O>> slice : slices) {
                out.addAll(slice.get());
            }
            return out;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(ex.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }
}
