package be.biodiversity.portal.content.resolve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.exceptions.VariableNotExistException;
import liqp.parser.Flavor;

/**
 * Liquid with liqp's Jekyll flavour. Renders as Jekyll does (a missing variable renders empty) and reports
 * each missing variable under {@code site.} or {@code page.} as a warning, a syntax error or an include that
 * is not allowed as an error. Sandboxed: includes come only from the site and the portal (never the file
 * system), and every filter, output and include counts towards the page's {@link RenderBudget}; over a limit
 * it throws {@link LiquidLimitException}. Only call it within {@link PageResolver#resolve}.
 */
final class Liquid {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("Variable '([^']+)' does not exist");

    private final TemplateParser parser;
    private final boolean flat;
    private final LongAdder flatRenders = new LongAdder();

    Liquid(LiquidLimits limits) {
        this(limits, true);
    }

    /** @param flat whether a {@link FlatLiquid} text gives liqp only its Liquid (false: always the whole text) */
    Liquid(LiquidLimits limits, boolean flat) {
        this.flat = flat;
        TemplateParser.Builder builder = new TemplateParser.Builder().withFlavor(Flavor.JEKYLL)
                .withStrictVariables(true).withErrorMode(TemplateParser.ErrorMode.WARN)
                .withMaxIterations(limits.maxIterations()).withMaxSizeRenderedString(limits.maxStringLength())
                .withRenderTransformer(new GuardedOutput())
                .withTag(new SandboxedInclude("include")).withTag(new SandboxedInclude("include_relative"))
                // no liqp code path may read a file: the include tags above never call it, this is the backstop
                .withNameResolver(name -> {
                    throw new java.io.IOException("includes are not read from files");
                });
        GuardedFilter.jekyll().forEach(builder::withFilter);
        // Jekyll's own filters and its highlight block, which liqp's flavour lacks
        JekyllFilters.all().stream().map(GuardedFilter::guarded).forEach(builder::withFilter);
        builder.withBlock(new HighlightBlock());
        this.parser = builder.build();
    }

    /** How many texts were rendered from their Liquid alone ({@link FlatLiquid}). */
    long flatRenders() {
        return flatRenders.sum();
    }

    static boolean hasLiquid(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /**
     * The rendered text; problems are added to {@code problems} with {@code field} and body-relative lines.
     *
     * @throws LiquidLimitException when the text goes over a limit
     */
    String render(String text, Map<String, Object> variables, String field, List<ResolveProblem> problems) {
        if (!hasLiquid(text)) {
            return text;
        }
        RenderBudget budget = RenderBudget.current();
        if (flat) {
            Optional<String> rendered = FlatLiquid.split(text)
                    .flatMap(split -> flat(split, text, variables, field, budget, problems));
            if (rendered.isPresent()) {
                flatRenders.increment();
                return rendered.get();
            }
        }
        return whole(text, variables, field, budget, problems);
    }

    /**
     * Only the Liquid of a {@link FlatLiquid} text through liqp, the plain text put back around it and counted in
     * the budget as liqp counts it (a step and its characters per run). Empty when liqp had more to say than
     * missing variables (a syntax error's line and column would be the template's, not the text's): the whole text
     * is then rendered as before. A limit passed here is passed: the budget stays exceeded.
     */
    private Optional<String> flat(FlatLiquid.Split split, String text, Map<String, Object> variables, String field,
            RenderBudget budget, List<ResolveProblem> problems) {
        Rendering rendering;
        try {
            rendering = evaluate(split.template(), variables, field, budget);
        }
        catch (LiquidLimitException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            budget.takeIncludeProblems();
            return Optional.empty();
        }
        Optional<String> out = rendering.template().errors().stream()
                .allMatch(VariableNotExistException.class::isInstance) ? split.assemble(rendering.out()) : Optional.empty();
        if (out.isEmpty()) {
            budget.takeIncludeProblems();
            return out;
        }
        // liqp appended each separator as a run of plain text: the text's runs are what is left to count
        long separators = split.pieces() - 1;
        try {
            for (long run = separators; run < split.plainRuns(); run++) {
                budget.step();
            }
            budget.checkLength(out.get().length());
            budget.produced(Math.max(0, split.plainLength() - separators));
        }
        catch (LiquidLimitException ex) {
            throw ex.in(field);
        }
        variableProblems(rendering.template(), text, field, problems);
        includeProblems(text, field, budget, problems);
        return out;
    }

    /** The whole text through liqp. */
    private String whole(String text, Map<String, Object> variables, String field, RenderBudget budget,
            List<ResolveProblem> problems) {
        Rendering rendering;
        try {
            rendering = evaluate(text, variables, field, budget);
        }
        catch (LiquidLimitException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            if (ex instanceof ExceededMaxIterationsException || ex.getCause() instanceof ExceededMaxIterationsException) {
                throw new LiquidLimitException("Liquid loops more than " + parser.getLimitMaxIterations()
                        + " times (portal.content.liquid.max-iterations)").in(field);
            }
            includeProblems(text, field, budget, problems);
            String message = String.valueOf(ex.getMessage());
            Matcher line = LINE.matcher(message);
            problems.add(new ResolveProblem(true, field, line.find() ? Integer.valueOf(line.group(1)) : null,
                    "Liquid error: " + message));
            return text;
        }
        variableProblems(rendering.template(), text, field, problems);
        includeProblems(text, field, budget, problems);
        return rendering.out();
    }

    /** A template and what it rendered. */
    private record Rendering(Template template, String out) {
    }

    /**
     * {@code source} parsed and rendered. A limit passed — also one liqp caught and carried on after — is a
     * {@link LiquidLimitException} for {@code field}; any other failure is thrown as liqp threw it.
     */
    private Rendering evaluate(String source, Map<String, Object> variables, String field, RenderBudget budget) {
        try {
            Template template = parser.parse(source);
            String out = template.render(variables);
            if (budget.exceeded() != null) {
                throw budget.exceeded().in(field);
            }
            return new Rendering(template, out);
        }
        catch (LiquidLimitException ex) {
            throw ex.in(field);
        }
        catch (StackOverflowError ex) {
            throw new LiquidLimitException("Liquid nests too deeply to evaluate").in(field);
        }
        catch (RuntimeException ex) {
            if (budget.exceeded() != null) {
                throw budget.exceeded().in(field);
            }
            throw ex;
        }
    }

    private static void variableProblems(Template template, String text, String field, List<ResolveProblem> problems) {
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
    }

    private static void includeProblems(String text, String field, RenderBudget budget, List<ResolveProblem> problems) {
        for (RenderBudget.IncludeProblem p : budget.takeIncludeProblems()) {
            problems.add(ResolveProblem.ofTag(field, tagLine(text, p.tag(), p.name()), p.tag(),
                    "{% " + p.tag() + " " + IncludeNames.shown(p.name()) + " %}: " + p.message()));
        }
    }

    /** The line of the tag naming {@code name}, else of the first such tag. */
    private static Integer tagLine(String text, String tag, String name) {
        String[] lines = text.split("\n", -1);
        Pattern opening = Pattern.compile("\\{%-?\\s*" + tag + "\\s");
        Integer first = null;
        for (int i = 0; i < lines.length; i++) {
            if (opening.matcher(lines[i]).find()) {
                if (lines[i].contains(name)) {
                    return i + 1;
                }
                first = first == null ? Integer.valueOf(i + 1) : first;
            }
        }
        return first;
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
