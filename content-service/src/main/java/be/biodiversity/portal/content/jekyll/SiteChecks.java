package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.Permalinks;
import be.biodiversity.portal.content.page.ResolvedPages;
import be.biodiversity.portal.content.resolve.LiquidLimitException;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.resolve.ResolveProblem;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;

/**
 * The site's own problems, found the way a visitor would meet them: a layout the theme lacks, a
 * {@code lang-ref} that pairs with no other language, Liquid that fails or refers to missing data, and internal
 * links to pages that do not exist. A Liquid syntax error (Jekyll's build stops) or a page whose Liquid goes over a
 * limit leaves that page out; an include that is missing or not allowed is an error of that page, which is imported
 * with the tag empty; the rest are warnings.
 */
final class SiteChecks {

    /** A link's query or fragment, and the rest of its line. */
    private static final Pattern QUERY = Pattern.compile("[?#].*");

    private final PageResolver resolver;
    private final Set<String> layouts;
    private final BiConsumer<ImportedItem, ResolvedPage> resolvedPages;

    SiteChecks(PageResolver resolver, Set<String> layouts) {
        this(resolver, layouts, (page, resolved) -> { });
    }

    /** @param resolvedPages told of each page resolved without error (on the checking threads) */
    SiteChecks(PageResolver resolver, Set<String> layouts, BiConsumer<ImportedItem, ResolvedPage> resolvedPages) {
        this.resolver = resolver;
        this.layouts = layouts;
        this.resolvedPages = resolvedPages;
    }

    List<Problem> check(ReadSite site, SiteContext context) {
        return check(site, context, new ImportPool(1));
    }

    /** Each page checked on {@code pool} (resolving is most of an import's CPU); the problems in file order. */
    List<Problem> check(ReadSite site, SiteContext context, ImportPool pool) {
        List<Problem> problems = new ArrayList<>();
        List<ImportedItem> published = site.published();
        Set<String> permalinks = published.stream().flatMap(i -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(i.page().permalink()), i.aliases().stream())).collect(Collectors.toSet());
        List<ImportedItem> items = site.items();
        List<Checked> checked = pool.map(items, item -> check(item, context, permalinks));
        for (int i = 0; i < items.size(); i++) {
            Checked one = checked.get(i);
            if (one.timedOut() && pool.parallelism() > 1) {
                // the time limit is on the clock: with the other pages resolved at once on a busy machine a page
                // may pass it that alone would not; checked again alone before it is left out
                one = check(items.get(i), context, permalinks);
            }
            problems.addAll(one.problems());
        }
        translations(published, problems);
        return problems;
    }

    /** One page's problems; {@code timedOut}: left out for passing the Liquid time limit. */
    private record Checked(List<Problem> problems, boolean timedOut) {
    }

    private Checked check(ImportedItem item, SiteContext context, Set<String> permalinks) {
        List<Problem> problems = new ArrayList<>();
        String layout = item.page().layout();
        if (layout != null && !layouts.contains(layout)) {
            problems.add(Problem.warning(item.path(), item.lineOf("layout"), "unknown layout '" + layout + "'"));
        }
        ResolvedPage resolved;
        try {
            resolved = resolver.resolve(ResolvedPages.source(item.page()), context);
        }
        catch (LiquidLimitException ex) {
            // this page alone is left out (its earlier import stays); the rest of the site goes on
            problems.add(Problem.skipped(item.path(), "body".equals(ex.field()) ? Integer.valueOf(item.bodyLine())
                    : item.lineOf(ex.field() == null ? "" : ex.field().replaceAll("[.\\[].*", "")),
                    "in " + ex.field() + ": " + ex.getMessage()));
            return new Checked(problems, ex.timing());
        }
        for (ResolveProblem p : resolved.problems()) {
            if (p.error() && p.tag() != null) {
                problems.add(Problem.imported(item.path(), line(item, p), p.message() + "; the tag renders empty"));
            }
            else if (p.error()) {
                // a Liquid syntax error stops Jekyll's build; here only this page is left out
                problems.add(Problem.skipped(item.path(), line(item, p), p.message()));
            }
            else {
                problems.add(Problem.warning(item.path(), line(item, p), p.message()));
            }
        }
        links(item, resolved.html(), permalinks, problems);
        if (resolved.problems().stream().noneMatch(ResolveProblem::error)) {
            resolvedPages.accept(item, resolved);
        }
        return new Checked(problems, false);
    }

    private static Integer line(ImportedItem item, ResolveProblem p) {
        if (!"body".equals(p.field())) {
            String key = p.field().replaceAll("[.\\[].*", "");
            return item.lineOf(key.equals("heroImage") ? "background" : key);
        }
        if (p.line() != null) {
            return item.bodyLine() + p.line() - 1;
        }
        String variable = p.message().replaceAll(".*: ", "");
        return item.bodyLineOf(variable);
    }

    private static void links(ImportedItem item, String html, Set<String> permalinks, List<Problem> problems) {
        Set<String> reported = new java.util.HashSet<>();
        for (String link : localLinks(html)) {
            String target = QUERY.matcher(link.replace("&amp;", "&")).replaceAll("");
            if (target.startsWith("//") || target.startsWith("/assets/") || target.startsWith("/api/")) {
                continue;
            }
            String path = Permalinks.normalise(target);
            if (!exists(path, permalinks) && reported.add(path)) {
                problems.add(Problem.warning(item.path(), item.bodyLineOf("(" + link) != null
                        ? item.bodyLineOf("(" + link) : item.bodyLineOf(link),
                        "internal link to " + target + ", a page that does not exist"));
            }
        }
    }

    /**
     * The site-local targets of {@code href="/…"} and {@code src="/…"} in rendered HTML, in order: what the pattern
     * {@code (?:href|src)="(/[^"]*)"} finds, found by looking only where {@code ="/} is.
     */
    static List<String> localLinks(String html) {
        List<String> links = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = html.indexOf("=\"/", from);
            if (at < 0) {
                return links;
            }
            if (!html.startsWith("href", at - 4) && !html.startsWith("src", at - 3)) {
                from = at + 1;
                continue;
            }
            int end = html.indexOf('"', at + 2);
            if (end < 0) {
                return links;
            }
            links.add(html.substring(at + 2, end));
            from = end + 1;
        }
    }

    /** A permalink, or one with a {@code _key_} segment standing for any value (the theme's detail pages). */
    private static boolean exists(String path, Set<String> permalinks) {
        if (permalinks.contains(path)) {
            return true;
        }
        int slash = path.lastIndexOf('/');
        return slash > 0 && permalinks.contains(path.substring(0, slash) + "/_key_");
    }

    private static void translations(List<ImportedItem> published, List<Problem> problems) {
        Map<String, List<ImportedItem>> byKey = new LinkedHashMap<>();
        published.stream().filter(i -> i.page().translationKey() != null)
                .forEach(i -> byKey.computeIfAbsent(i.page().kind() + " " + i.page().translationKey(),
                        k -> new ArrayList<>()).add(i));
        byKey.values().forEach(group -> {
            if (group.size() == 1) {
                ImportedItem only = group.get(0);
                problems.add(Problem.warning(only.path(), only.lineOf("lang-ref"), "lang-ref '"
                        + only.page().translationKey() + "' pairs with nothing: no other published "
                        + (Page.POST.equals(only.page().kind()) ? "post" : "page") + " has it"));
            }
            group.stream().collect(Collectors.groupingBy(i -> i.page().lang())).forEach((lang, same) -> {
                if (same.size() > 1) {
                    problems.add(Problem.warning(same.get(1).path(), same.get(1).lineOf("lang-ref"), "lang-ref '"
                            + same.get(1).page().translationKey() + "' is used by two " + lang + " files: "
                            + same.get(0).path() + " and " + same.get(1).path()));
                }
            });
        });
    }
}
