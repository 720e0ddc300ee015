package be.biodiversity.portal.content.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Resolves a page the way Jekyll builds it: Liquid in every front-matter string and in the body against
 * {@code site} and {@code page}, then markdown to HTML, then the sanitizer. Pure CPU work, no I/O: callers run it
 * on the render scheduler ({@link RenderScheduler}), never on an event-loop thread. The page's Liquid is
 * evaluated within the {@link LiquidLimits}.
 */
@Component
public class PageResolver {

    /** A tag in sanitized HTML (possessive: linear). */
    private static final Pattern TAG = Pattern.compile("<[^<>]*+>");

    private final LiquidLimits limits;
    private final LongSupplier nanoTime;
    private final Liquid liquid;
    private final Markdown markdown = new Markdown();
    private final BuiltInIncludes builtIns = BuiltInIncludes.fromClasspath();
    private final EmbedPolicy embeds;
    private final HtmlPolicy html;

    @Autowired
    public PageResolver(LiquidLimits limits, EmbedPolicy embeds) {
        this(limits, System::nanoTime, embeds);
    }

    /** With the default {@link EmbedProperties}. */
    public PageResolver(LiquidLimits limits) {
        this(limits, System::nanoTime, EmbedPolicy.defaults());
    }

    PageResolver(LiquidLimits limits, LongSupplier nanoTime) {
        this(limits, nanoTime, EmbedPolicy.defaults());
    }

    /** @param nanoTime the clock the render time limit is measured with (tests move it instead of waiting) */
    PageResolver(LiquidLimits limits, LongSupplier nanoTime, EmbedPolicy embeds) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.liquid = new Liquid(limits);
        this.embeds = embeds;
        this.html = new HtmlPolicy(embeds);
    }

    /**
     * @throws LiquidLimitException when the page's Liquid goes over a limit: the page cannot be resolved
     */
    public ResolvedPage resolve(PageSource source, SiteContext site) {
        try {
            return resolveGuarded(source, site);
        }
        catch (StackOverflowError ex) {
            // markdown or HTML nested beyond what the parsers can follow (Liquid's own is caught in Liquid)
            throw new LiquidLimitException("the page nests too deeply to be resolved (markdown or HTML nesting)")
                    .in("body");
        }
        catch (OutOfMemoryError ex) {
            throw new LiquidLimitException("the page needs more memory to be resolved than the service can give")
                    .in("body");
        }
    }

    private ResolvedPage resolveGuarded(PageSource source, SiteContext site) {
        try (RenderBudget budget = RenderBudget.open(limits, nanoTime, name -> include(site, name))) {
            List<ResolveProblem> problems = new ArrayList<>();
            Map<String, Object> page = PageVariables.of(source);
            Map<String, Object> variables = Map.of("site", site.site(), "page", page);
            Map<String, Object> frontMatter = new LinkedHashMap<>();
            source.frontMatter().forEach((key, value) -> frontMatter.put(key, evaluate(value, variables, key, problems)));
            String title = liquid.render(source.title(), variables, "title", problems);
            String description = liquid.render(source.description(), variables, "description", problems);
            String heroImage = liquid.render(source.heroImage(), variables, "background", problems);
            String credit = liquid.render(source.heroImageCredit(), variables, "imageLicense", problems);
            String body = liquid.render(source.body(), variables, "body", problems);
            Markdown.Output output = markdown.render(body);
            PageStyles.Extracted styles = PageStyles.extract(output.html());
            String bodyHtml = styles.wrap(html.sanitize(styles.html()));
            embeds.removals(body).forEach(removal ->
                    problems.add(new ResolveProblem(false, "body", removal.line(), removal.message())));
            styles.removed().forEach(what ->
                    problems.add(new ResolveProblem(false, "body", null, "<style>: " + what + " removed")));
            if (body != null && !body.isBlank() && rendersEmpty(bodyHtml)) {
                problems.add(new ResolveProblem(false, "body", null,
                        "the body renders empty: everything in it was removed as unsafe or is not shown"));
            }
            return new ResolvedPage(title, description, heroImage, credit, frontMatter, bodyHtml, output.toc(),
                    output.excerpt(), List.copyOf(problems), TitleHtml.html(title), TitleHtml.text(title),
                    description == null || description.isBlank() ? description : inlineHtml(description));
        }
    }

    /**
     * Sanitized HTML that shows nothing: no text, no image, no frame. Tags are balanced here, so linear. Read from the
     * start up to the first text, which almost every page has at once: only a text that opens with an entity (it may
     * be a non-breaking space) has its tags stripped as a whole and is read again.
     */
    static boolean rendersEmpty(String sanitized) {
        if (sanitized.contains("<img") || sanitized.contains("<iframe")) {
            return false;
        }
        int length = sanitized.length();
        for (int i = 0; i < length; i++) {
            char c = sanitized.charAt(i);
            if (c == '<') {
                int end = i + 1;
                while (end < length && sanitized.charAt(end) != '<' && sanitized.charAt(end) != '>') {
                    end++;
                }
                if (end == length || sanitized.charAt(end) != '>') {
                    return false; // a '<' that opens no tag is text
                }
                i = end;
            }
            else if (c == '&') {
                return TAG.matcher(sanitized).replaceAll("").replace("&nbsp;", "").replace("&#160;", "").isBlank();
            }
            else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Renders markdown (no Liquid) to sanitized HTML, e.g. an image credit; text nested too deeply is escaped. */
    public String inlineHtml(String markdownText) {
        try {
            String rendered = html.sanitize(markdown.render(markdownText).html()).strip();
            return rendered.startsWith("<p>") && rendered.endsWith("</p>") && rendered.indexOf("<p>", 1) < 0
                    ? rendered.substring(3, rendered.length() - 4) : rendered;
        }
        catch (StackOverflowError ex) {
            return org.springframework.web.util.HtmlUtils.htmlEscape(markdownText);
        }
    }

    /** The names of the includes the portal ships. */
    public java.util.Set<String> builtInIncludes() {
        return builtIns.names();
    }

    private Optional<String> include(SiteContext site, String name) {
        String own = site.includes().get(name);
        return own != null ? Optional.of(own) : builtIns.find(name);
    }

    private Object evaluate(Object value, Map<String, Object> variables, String key, List<ResolveProblem> problems) {
        if (value instanceof String text) {
            return liquid.render(text, variables, key, problems);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), evaluate(v, variables, key + "." + k, problems)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(evaluate(list.get(i), variables, key + "[" + i + "]", problems));
            }
            return copy;
        }
        return value;
    }
}
