package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.VariableNotExistException;
import liqp.parser.Flavor;

/**
 * Liquid with liqp's Jekyll flavour. Renders as Jekyll does (a missing variable renders empty) and reports
 * each missing variable under {@code site.} or {@code page.} as a warning, a syntax error as an error.
 */
final class Liquid {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("Variable '([^']+)' does not exist");

    private final TemplateParser parser = new TemplateParser.Builder().withFlavor(Flavor.JEKYLL)
            .withStrictVariables(true).withErrorMode(TemplateParser.ErrorMode.WARN)
            .withMaxIterations(100_000).withMaxSizeRenderedString(5_000_000).build();

    static boolean hasLiquid(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /** The rendered text; problems are added to {@code problems} with {@code field} and body-relative lines. */
    String render(String text, Map<String, Object> variables, String field, List<ResolveProblem> problems) {
        if (!hasLiquid(text)) {
            return text;
        }
        try {
            Template template = parser.parse(text);
            String out = template.render(variables);
            for (Exception ex : template.errors()) {
                Matcher variable = VARIABLE.matcher(String.valueOf(ex.getMessage()));
                if (ex instanceof VariableNotExistException && variable.find()) {
                    String name = variable.group(1);
                    if (name.startsWith("site.") || name.startsWith("page.")) {
                        problems.add(new ResolveProblem(false, field, lineOf(text, name),
                                "Liquid refers to missing data: " + name));
                    }
                }
                else {
                    problems.add(new ResolveProblem(false, field, null, "Liquid: " + ex.getMessage()));
                }
            }
            return out;
        }
        catch (RuntimeException ex) {
            String message = String.valueOf(ex.getMessage());
            Matcher line = LINE.matcher(message);
            problems.add(new ResolveProblem(true, field, line.find() ? Integer.valueOf(line.group(1)) : null,
                    "Liquid error: " + message));
            return text;
        }
    }

    private static Integer lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        String last = needle.substring(needle.lastIndexOf('.') + 1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(last) && hasLiquid(lines[i])) {
                return i + 1;
            }
        }
        return null;
    }
}
