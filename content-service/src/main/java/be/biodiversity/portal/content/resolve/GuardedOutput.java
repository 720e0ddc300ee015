package be.biodiversity.portal.content.resolve;

import liqp.RenderTransformer;
import liqp.TemplateContext;

/**
 * How liqp builds the output of a template and of every block ({@code for}, {@code capture}, {@code if}):
 * each appended piece is a step of the {@link RenderBudget} (so a long loop meets the clock) and no output may
 * grow past the string limit.
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
                if (value instanceof CharSequence text) {
                    budget.length((long) out.length() + text.length());
                    out.append(text);
                }
                else {
                    String text = String.valueOf(value);
                    budget.length((long) out.length() + text.length());
                    out.append(text);
                }
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
