package be.biodiversity.portal.content.resolve;

import liqp.RenderTransformer;
import liqp.TemplateContext;

/**
 * How liqp builds the output of a template and of every block ({@code for}, {@code capture}, {@code if}):
 * each appended piece is a step of the {@link RenderBudget} (so a long loop meets the clock) and no output may
 * grow past the string limit; every appended character counts towards the page's total.
 */
final class GuardedOutput implements RenderTransformer {

    @Override
    public ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimatedNumberOfAppends) {
        RenderBudget budget = RenderBudget.current();
        StringBuilder out = new StringBuilder();
        return new ObjectAppender.Controller() {
            @Override
            public void append(Object value) {
                budget.step();
                CharSequence text = value instanceof CharSequence chars ? chars : String.valueOf(value);
                budget.checkLength((long) out.length() + text.length());
                budget.produced(text.length());
                out.append(text);
            }

            @Override
            public Object getResult() {
                return out.toString();
            }
        };
    }

    @Override
    public Object transformObject(TemplateContext context, Object object) {
        return String.valueOf(object);
    }
}
