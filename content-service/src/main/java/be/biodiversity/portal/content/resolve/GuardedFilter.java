package be.biodiversity.portal.content.resolve;

import java.util.List;

import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.parser.Flavor;

/**
 * One of liqp's filters, counted and measured: each call is a step of the {@link RenderBudget} and its result
 * may not be longer than the string limit. {@code append} in a loop or {@code x | append: x} repeated would
 * otherwise double a string until the memory is gone.
 */
final class GuardedFilter extends Filter {

    private final Filter filter;

    private GuardedFilter(Filter filter) {
        super(filter.name);
        this.filter = filter;
    }

    /** Every filter of the Jekyll flavour, guarded. */
    static List<Filter> jekyll() {
        return Flavor.JEKYLL.getFilters().values().stream().<Filter>map(GuardedFilter::new).toList();
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        RenderBudget budget = RenderBudget.current();
        budget.step();
        return budget.measure(filter.apply(value, context, params));
    }
}
