package be.biodiversity.portal.render.gbif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.result.view.Rendering;

import be.biodiversity.portal.render.cache.QueryKey;
import be.biodiversity.portal.render.site.ProblemView;
import be.biodiversity.portal.render.site.SearchFilters;
import be.biodiversity.portal.render.site.SearchLinks;

/**
 * A GBIF search page ({@link SearchSpec}): the visitor's filters made small and unique ({@link SearchFilters}) and
 * checked before GBIF is asked (a bad value is a 400 page naming it), the site's filter added, one request to GBIF
 * with the facets, paging by {@value #PAGE_SIZE}; when GBIF cannot be reached a 200 page with a notice and a link to
 * the same search on GBIF.org, or the last good answer with its time.
 */
@Component
public class SearchPages {

    public static final int PAGE_SIZE = 20;

    /** GBIF's searches stop at offset + limit = 100,000. */
    static final long MAX_OFFSET = 100_000 - PAGE_SIZE;

    static final int FACET_LIMIT = 8;

    private final GbifClient gbif;
    private final GbifPages pages;

    SearchPages(GbifClient gbif, GbifPages pages) {
        this.gbif = gbif;
        this.pages = pages;
    }

    /**
     * @param rows the result table of an answer, in the page's language
     * @param labels the labels of a facet's values ({@code field}, values) in the page's language
     */
    public <P extends SearchAnswer> Mono<Rendering> search(String prefix, MultiValueMap<String, String> query,
            SearchSpec spec, Class<P> type, BiFunction<P, String, Mono<List<List<GbifViews.Cell>>>> rows,
            Labels labels) {
        String lang = pages.language(prefix);
        if (lang == null) {
            return Mono.just(pages.problem(pages.defaultLanguage(), HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        Map<String, List<String>> filters = SearchFilters.of(query, spec.filters().keySet(), spec.single());
        long offset = Math.min(offset(query.getFirst("offset")), MAX_OFFSET);
        Map<String, List<String>> asked = new LinkedHashMap<>(filters);
        scoped(filters, spec.scope());
        String used = used(asked, filters, offset);
        SearchLinks links = new SearchLinks(pages.prefix(lang) + spec.path(), filters, spec.single());
        List<Map.Entry<String, String>> chosen = entries(filters);
        List<Map.Entry<String, String>> all = new ArrayList<>(entries(spec.siteFilter()));
        all.addAll(chosen);
        String gbifHref = pages.gbifOrg(spec.gbifOrgPath(), all);
        String invalid = invalid(filters, spec);
        if (invalid != null) {
            return Mono.just(render(view(lang, spec, links, offset, null, List.of(), List.of(), null, invalid,
                    gbifHref, chosen), HttpStatus.BAD_REQUEST, false));
        }
        List<Map.Entry<String, String>> request = new ArrayList<>(all);
        spec.facets().forEach(facet -> request.add(Map.entry("facet", facet)));
        if (!spec.facets().isEmpty()) {
            request.add(Map.entry("facetLimit", String.valueOf(FACET_LIMIT)));
        }
        request.add(Map.entry("limit", String.valueOf(PAGE_SIZE)));
        request.add(Map.entry("offset", String.valueOf(offset)));
        PageLife life = new PageLife();
        return gbif.get(spec.api(), request, type)
                .flatMap(answer -> Mono.zip(rows.apply(answer.value(), lang),
                        facets(lang, spec, links, answer.value(), labels))
                        .map(parts -> GbifPages.kept(rendering(view(lang, spec, links, offset, answer.value(),
                                parts.getT2(), parts.getT1(), pages.notice(lang, answer, gbifHref), null, gbifHref,
                                chosen), HttpStatus.OK, answer.stale()), life, used).build()))
                // GBIF answered 404 to a search: nothing to show but the way to GBIF.org
                .switchIfEmpty(Mono.fromSupplier(() -> render(view(lang, spec, links, offset, null, List.of(),
                        List.of(), pages.notice(lang, null, gbifHref), null, gbifHref, chosen), HttpStatus.OK, true)))
                .onErrorResume(GbifRefusedException.class, error -> Mono.just(render(view(lang, spec, links, offset,
                        null, List.of(), List.of(), null, error.getMessage(), gbifHref, chosen),
                        HttpStatus.BAD_REQUEST, false)))
                .onErrorResume(GbifUnavailableException.class, error -> Mono.just(render(view(lang, spec, links,
                        offset, null, List.of(), List.of(), pages.notice(lang, null, gbifHref), null, gbifHref,
                        chosen), HttpStatus.OK, true)))
                .contextWrite(life::into);
    }

    /**
     * The query a page is made from, as the visitor's filters and offset give it: the page is kept for a request only
     * when its query is this one (nothing dropped, nothing unknown). None when the site's scope replaced a value the
     * visitor gave ({@code country=FR}): that page is the scope's, not the visitor's.
     */
    private static String used(Map<String, List<String>> asked, Map<String, List<String>> scoped, long offset) {
        if (asked.entrySet().stream().anyMatch(filter -> !filter.getValue().equals(scoped.get(filter.getKey())))) {
            return null;
        }
        Map<String, List<String>> used = new LinkedHashMap<>(asked);
        if (offset > 0) {
            used.put("offset", List.of(String.valueOf(offset)));
        }
        return QueryKey.of(used);
    }

    /** Labels of facet values, by field: {@code Mono} because some (dataset titles) are asked of GBIF. */
    public interface Labels {

        Mono<Map<String, String>> of(String field, List<String> values, String lang);
    }

    private Rendering render(GbifViews.Search search, HttpStatus status, boolean degraded) {
        return rendering(search, status, degraded).build();
    }

    private Rendering.Builder<?> rendering(GbifViews.Search search, HttpStatus status, boolean degraded) {
        return GbifPages.degraded(Rendering.view("gbif-search").status(status).modelAttribute("search", search),
                degraded);
    }

    private <P extends SearchAnswer> Mono<List<GbifViews.FacetView>> facets(String lang, SearchSpec spec,
            SearchLinks links, P answer, Labels labels) {
        List<GbifRecords.Facet> given = answer.facets() == null ? List.of() : answer.facets();
        return reactor.core.publisher.Flux.fromIterable(spec.facets())
                .flatMapSequential(field -> given.stream().filter(f -> f.isOf(field) && f.counts() != null
                        && !f.counts().isEmpty()).findFirst()
                        .map(facet -> labels.of(field, facet.counts().stream().map(GbifRecords.Count::name).toList(),
                                lang).map(named -> new GbifViews.FacetView(field,
                                        pages.message(lang, spec.messages() + ".facet." + field),
                                        facet.counts().stream().map(c -> new GbifViews.FacetValue(
                                                named.getOrDefault(c.name(), c.name()), pages.number(lang, c.count()),
                                                links.toggle(field, c.name()), links.isSelected(field, c.name())))
                                                .toList())))
                        .orElse(Mono.empty()))
                .collectList();
    }

    private GbifViews.Search view(String lang, SearchSpec spec, SearchLinks links, long offset, SearchAnswer answer,
            List<GbifViews.FacetView> facets, List<List<GbifViews.Cell>> rows, GbifViews.Notice notice,
            String invalid, String gbifHref, List<Map.Entry<String, String>> chosen) {
        String q = links.filters().getOrDefault("q", List.of()).stream().findFirst().orElse("");
        List<GbifViews.Hidden> keep = links.filters().entrySet().stream().filter(e -> !e.getKey().equals("q"))
                .flatMap(e -> e.getValue().stream().map(v -> new GbifViews.Hidden(e.getKey(), v))).toList();
        Function<String, String> pathIn = prefix -> links.in(prefix + spec.path()).page(offset);
        long total = answer == null ? 0 : answer.count();
        long to = answer == null ? 0 : offset + answer.size();
        List<String> columns = spec.columns().stream().map(key -> pages.message(lang, key)).toList();
        List<Map.Entry<String, String>> mapFilters = chosen.stream()
                .filter(e -> MAP_FILTERS.contains(e.getKey())).toList();
        return new GbifViews.Search(lang, pages.home(lang), pages.languageLinks(lang, pathIn),
                pages.canonical(links.page(offset)), pages.message(lang, spec.messages() + ".title"),
                pages.message(lang, spec.messages() + ".lead"), q, keep, links.cleared(), !keep.isEmpty(), facets,
                columns, rows, pages.number(lang, total), rows.isEmpty() ? 0 : offset + 1, to, total,
                offset > 0 && answer != null ? links.page(Math.max(0, offset - PAGE_SIZE)) : null,
                answer != null && offset + PAGE_SIZE < Math.min(total, MAX_OFFSET + PAGE_SIZE) && !rows.isEmpty()
                        ? links.page(offset + PAGE_SIZE) : null,
                notice, invalid, gbifHref, spec.map() ? pages.map(mapFilters) : null);
    }

    /** What GBIF's density map can filter by. */
    private static final Set<String> MAP_FILTERS = Set.of("country", "publishingCountry", "taxonKey", "datasetKey",
            "publishingOrg", "basisOfRecord", "year");

    /** Unless one alternative of the scope is the only value of its filter, the first is. */
    static void scoped(Map<String, List<String>> filters, List<String> scope) {
        if (scope.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> alternative : entries(scope)) {
            if (List.of(alternative.getValue()).equals(filters.get(alternative.getKey()))) {
                return;
            }
        }
        Map.Entry<String, String> first = entries(scope).get(0);
        filters.put(first.getKey(), new ArrayList<>(List.of(first.getValue())));
    }

    private static String invalid(Map<String, List<String>> filters, SearchSpec spec) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            for (String value : filter.getValue()) {
                if (!spec.filters().get(filter.getKey()).matcher(value).matches()) {
                    return filter.getKey() + ": '" + value + "'";
                }
            }
        }
        return null;
    }

    static List<Map.Entry<String, String>> entries(Map<String, List<String>> filters) {
        return filters.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))).toList();
    }

    /** {@code name=value} settings as entries. */
    public static List<Map.Entry<String, String>> entries(List<String> settings) {
        return settings.stream().filter(s -> s.indexOf('=') > 0)
                .map(s -> Map.entry(s.substring(0, s.indexOf('=')).strip(), s.substring(s.indexOf('=') + 1).strip()))
                .toList();
    }

    private static long offset(String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }
}
