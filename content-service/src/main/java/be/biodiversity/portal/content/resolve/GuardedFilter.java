package be.biodiversity.portal.content.resolve;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.parser.Flavor;

/**
 * One of liqp's filters, counted and measured: each call is a step of the {@link RenderBudget}; a filter that
 * can multiply its input ({@code replace}, {@code join}, ...) has the size of its result checked before it runs,
 * and every result is measured after. {@code replace: "a", b} on a long {@code a} would otherwise build a string
 * of hundreds of millions of characters in one call; {@code append} in a loop would double a string until the
 * memory is gone. {@code strip_html} and {@code rstrip} are our own (linear) versions: liqp's regular
 * expressions take quadratic time on hostile input, where the clock is not looked at.
 */
final class GuardedFilter extends Filter {

    private final Filter filter;

    private GuardedFilter(Filter filter) {
        super(filter.name);
        this.filter = filter;
    }

    /** Every filter of the Jekyll flavour, guarded. */
    static List<Filter> jekyll() {
        return Flavor.JEKYLL.getFilters().values().stream().map(GuardedFilter::own).<Filter>map(GuardedFilter::new)
                .toList();
    }

    /** A filter of our own, guarded as liqp's are. */
    static Filter guarded(Filter filter) {
        return new GuardedFilter(filter);
    }

    /** Our own linear version of a liqp filter whose regular expression backtracks, else the filter itself. */
    static Filter own(Filter filter) {
        return switch (filter.name) {
            case "strip_html" -> new LinearFilters.StripHtml();
            case "rstrip" -> new LinearFilters.Rstrip();
            default -> filter;
        };
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        RenderBudget budget = RenderBudget.current();
        budget.step();
        long projected = projected(name, value, params);
        if (projected > 0) {
            budget.project(projected);
        }
        return budget.measure(filter.apply(value, context, params));
    }

    /** The most characters the filter's result may have, for the filters that can make it larger; else 0. */
    static long projected(String name, Object value, Object... params) {
        return switch (name) {
            case "replace" -> {
                long in = length(value);
                long target = params.length > 0 ? length(params[0]) : 0;
                long replacement = params.length > 1 ? length(params[1]) : 0;
                // an empty target is found between every two characters
                long found = target == 0 ? in + 1 : in / target;
                yield in + found * Math.max(0, replacement - target);
            }
            case "replace_first" -> length(value) + (params.length > 1 ? length(params[1]) : 0);
            case "append", "prepend" -> length(value) + (params.length > 0 ? length(params[0]) : 0);
            case "join" -> {
                long separator = params.length > 0 ? length(params[0]) : 1;
                long total = 0;
                long count = 0;
                for (Object item : items(value)) {
                    total += length(item) + separator;
                    count++;
                }
                yield count == 0 ? 0 : total;
            }
            default -> 0;
        };
    }

    private static Iterable<?> items(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        if (value instanceof Map<?, ?> m) {
            return m.values();
        }
        return List.of();
    }

    private static long length(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> || value instanceof Object[] || value instanceof Map<?, ?>) {
            long total = 0;
            for (Object item : items(value)) {
                total += length(item);
            }
            return total;
        }
        return String.valueOf(value).length();
    }
}
