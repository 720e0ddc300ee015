package be.biodiversity.portal.content.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The {@link LiquidLimits} of one page being resolved, and the includes it may use, counted as liqp evaluates it: every filter call, loop
 * append and include checks the clock and counts; every string built is measured. liqp calls our filters, output
 * and include tag from the thread that resolves the page, so the budget of that resolution is found through a
 * thread-local, open only while {@link PageResolver#resolve} runs. Once a limit is passed every further check
 * fails at once, so the evaluation unwinds quickly even where liqp catches an exception and carries on.
 */
final class RenderBudget implements AutoCloseable {

    private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

    /** An include tag's problem, found while evaluating: reported with the field and line of the tag. */
    record IncludeProblem(String tag, String name, String message) {
    }

    private final LiquidLimits limits;
    private final LongSupplier nanoTime;
    private final Function<String, Optional<String>> includeSource;
    private final long deadline;
    private final Deque<String> includes = new ArrayDeque<>();
    private final List<IncludeProblem> includeProblems = new ArrayList<>();
    private long operations;
    private long produced;
    private LiquidLimitException exceeded;

    private RenderBudget(LiquidLimits limits, LongSupplier nanoTime, Function<String, Optional<String>> includeSource) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.includeSource = includeSource;
        this.deadline = nanoTime.getAsLong() + limits.maxRenderMillis() * 1_000_000L;
    }

    /** @param includeSource the text of an include by name: the site's own, else a built-in one */
    static RenderBudget open(LiquidLimits limits, LongSupplier nanoTime,
            Function<String, Optional<String>> includeSource) {
        RenderBudget budget = new RenderBudget(limits, nanoTime, includeSource);
        CURRENT.set(budget);
        return budget;
    }

    /** The budget of the page being resolved on this thread. */
    static RenderBudget current() {
        RenderBudget budget = CURRENT.get();
        if (budget == null) {
            throw new IllegalStateException("Liquid evaluated outside PageResolver.resolve");
        }
        return budget;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }

    /** One more step (a filter call, an appended piece of output, an include): counted, and the clock checked. */
    void step() {
        if (exceeded != null) {
            throw exceeded;
        }
        if (++operations > limits.maxIterations()) {
            fail("Liquid takes more than " + limits.maxIterations()
                    + " steps (loop iterations and filter calls; portal.content.liquid.max-iterations)");
        }
        if (nanoTime.getAsLong() - deadline > 0) {
            exceeded = LiquidLimitException.timing("Liquid takes longer than " + limits.maxRenderMillis()
                    + " ms to evaluate (portal.content.liquid.max-render-millis)");
            throw exceeded;
        }
    }

    /** A value Liquid built: a string no longer than the limit, a list or map with no more entries than steps. */
    Object measure(Object value) {
        if (value instanceof CharSequence text) {
            length(text.length());
        }
        else if (value instanceof Collection<?> c) {
            size(c.size());
        }
        else if (value instanceof Map<?, ?> m) {
            size(m.size());
        }
        else if (value instanceof Object[] array) {
            size(array.length);
        }
        return value;
    }

    /** A string about to be built or just built: no longer than the limit, and counted in the page's total. */
    void length(long length) {
        checkLength(length);
        produced(length);
    }

    /** A string of {@code length} characters may be built (not counted: the caller counts what is new in it). */
    void checkLength(long length) {
        if (exceeded != null) {
            throw exceeded;
        }
        if (length > limits.maxStringLength()) {
            fail("Liquid builds a string longer than " + limits.maxStringLength()
                    + " characters (portal.content.liquid.max-string-length)");
        }
    }

    /** Characters Liquid produced: all of one page's together may not pass the total limit. */
    void produced(long length) {
        produced += length;
        if (produced > limits.maxTotalLength()) {
            fail("Liquid produces more than " + limits.maxTotalLength()
                    + " characters in all (portal.content.liquid.max-total-length)");
        }
    }

    /** A filter is about to build a string of about {@code length} characters: refused before it is built. */
    void project(long length) {
        checkLength(length);
        if (produced + length > limits.maxTotalLength()) {
            fail("Liquid produces more than " + limits.maxTotalLength()
                    + " characters in all (portal.content.liquid.max-total-length)");
        }
    }

    private void size(long size) {
        if (size > limits.maxIterations()) {
            fail("Liquid builds a list of more than " + limits.maxIterations()
                    + " entries (portal.content.liquid.max-iterations)");
        }
    }

    /** Enters an include; fails past the depth limit, naming the chain of includes. */
    void enterInclude(String name) {
        step();
        includes.addLast(name);
        if (includes.size() > limits.maxIncludeDepth()) {
            fail("includes nest deeper than " + limits.maxIncludeDepth() + " (portal.content.liquid.max-include-depth): "
                    + String.join(" -> ", includes));
        }
    }

    Optional<String> include(String name) {
        return includeSource.apply(name);
    }

    void leaveInclude() {
        includes.pollLast();
    }

    void includeProblem(String tag, String name, String message) {
        includeProblems.add(new IncludeProblem(tag, name, message));
    }

    /** The include problems found since the last call. */
    List<IncludeProblem> takeIncludeProblems() {
        List<IncludeProblem> taken = List.copyOf(includeProblems);
        includeProblems.clear();
        return taken;
    }

    LiquidLimitException exceeded() {
        return exceeded;
    }

    private void fail(String message) {
        exceeded = new LiquidLimitException(message);
        throw exceeded;
    }
}
