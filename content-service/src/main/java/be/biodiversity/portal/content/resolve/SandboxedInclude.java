package be.biodiversity.portal.content.resolve;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import liqp.Template;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Jekyll's {@code include} and {@code include_relative} tags, reading only the site's own {@code _includes}
 * (stored with the site) and the portal's built-in includes — never the file system, which liqp's own tags
 * read (a page holding {@code {% include /etc/passwd %}} published the file). A name that is not allowed or
 * not found renders empty and is reported with the tag; {@code include.x} holds the tag's parameters.
 */
final class SandboxedInclude extends Tag {

    SandboxedInclude(String tag) {
        super(tag);
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        RenderBudget budget = RenderBudget.current();
        String name = asString(nodes[0].render(context), context).strip();
        Optional<String> unsafe = IncludeNames.problem(name);
        if (unsafe.isPresent()) {
            budget.includeProblem(getName(), name, unsafe.get());
            return "";
        }
        Optional<String> source = budget.include(name);
        if (source.isEmpty()) {
            budget.includeProblem(getName(), name, "'" + IncludeNames.shown(name)
                    + "' is neither a file of the site's _includes nor one of the portal's built-in includes");
            return "";
        }
        budget.enterInclude(name);
        try {
            Template template = context.getParser().parse(source.get());
            Map<String, Object> variables = new HashMap<>();
            if (nodes.length > 1) {
                Map<String, Object> parameters = new HashMap<>();
                for (int i = 1; i < nodes.length; i++) {
                    if (nodes[i].render(context) instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> parameters.put(String.valueOf(k), v));
                    }
                }
                variables.put("include", parameters);
            }
            return template.renderToObjectUnguarded(variables, context, true);
        }
        catch (LiquidLimitException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            if (budget.exceeded() != null) {
                throw budget.exceeded();
            }
            budget.includeProblem(getName(), name, "Liquid error in the include: " + ex.getMessage());
            return "";
        }
        finally {
            budget.leaveInclude();
        }
    }
}
