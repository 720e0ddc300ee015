package be.biodiversity.portal.render.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriUtils;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.content.LiteratureClient;
import be.biodiversity.portal.render.content.SiteSearchClient;
import be.biodiversity.portal.render.directory.DirectoryClient;
import be.biodiversity.portal.render.news.NewsAssembler;
import be.biodiversity.portal.render.site.ProblemView;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * The site search ({@code /search?q=}, {@code /nl/search?q=}, …): the pages and posts of the visitor's language
 * (content-service's site search, in pages of results), the first publishers (directory-service) and the first
 * publications (content-service's literature), asked at the same time. A part whose service fails is replaced by a
 * notice naming it; the rest is shown. Never indexed by search engines, never kept in the page cache.
 */
@Controller
class SearchController {

    static final int PAGE_SIZE = 10;
    static final int FIRST = 5;
    static final int MAX_QUERY = 200;
    private static final Logger logger = LoggerFactory.getLogger(SearchController.class);

    private final SiteSearchClient pages;
    private final DirectoryClient directory;
    private final LiteratureClient literature;
    private final SiteLanguages languages;

    SearchController(SiteSearchClient pages, DirectoryClient directory, LiteratureClient literature,
            SiteLanguages languages) {
        this.pages = pages;
        this.directory = directory;
        this.literature = literature;
        this.languages = languages;
    }

    @GetMapping({ "/search", "/{lang}/search" })
    Mono<Rendering> search(@PathVariable(required = false) String lang, @RequestParam(required = false) String q,
            @RequestParam(required = false) String offset) {
        String language = languages.ofRoute(lang);
        if (language == null) {
            return Mono.just(ProblemView.rendering(languages.defaultLanguage(),
                    languages.home(languages.defaultLanguage()), HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        String query = clean(q);
        long from = offset(offset);
        if (query.isEmpty()) {
            return Mono.just(render(SearchViews.Search.of(language, languages.home(language), switcher(language, ""),
                    "", pagesOf(null, language, "", 0), new SearchViews.Publishers(false, 0, List.of(), null),
                    new SearchViews.Literature(false, 0, List.of(), null))));
        }
        Mono<SearchViews.Pages> found = pages.search(query, language, from, PAGE_SIZE)
                .map(results -> pagesOf(results, language, query, from))
                .onErrorResume(ex -> unavailable("pages", ex, new SearchViews.Pages(true, 0, 0, 0, List.of(), null,
                        null)));
        Mono<SearchViews.Publishers> publishers = directory.search(Map.of("q", List.of(query)), 0, FIRST)
                .map(page -> new SearchViews.Publishers(false, page.total(), page.items().stream()
                        .map(o -> new SearchViews.Named(languages.prefix(language) + "/publisher/" + o.key(), o.name(language),
                                o.acronym()))
                        .toList(), languages.prefix(language) + "/publisher/search?q=" + encode(query)))
                .onErrorResume(DirectoryClient.InvalidSearchException.class,
                        ex -> Mono.just(new SearchViews.Publishers(false, 0, List.of(), null)))
                .onErrorResume(ex -> unavailable("publishers", ex, new SearchViews.Publishers(true, 0, List.of(),
                        null)));
        Mono<SearchViews.Literature> publications = literature.search(Map.of("q", List.of(query)), 0, FIRST)
                .map(results -> new SearchViews.Literature(false, results.total(), results.items().stream()
                        .map(r -> new SearchViews.Named(languages.prefix(language) + "/literature/"
                                + UriUtils.encodePathSegment(r.id(), StandardCharsets.UTF_8), r.title(),
                                detail(r.authorNames(), r.year())))
                        .toList(), languages.prefix(language) + "/literature/search?q=" + encode(query)))
                .onErrorResume(LiteratureClient.InvalidSearchException.class,
                        ex -> Mono.just(new SearchViews.Literature(false, 0, List.of(), null)))
                .onErrorResume(ex -> unavailable("literature", ex, new SearchViews.Literature(true, 0, List.of(),
                        null)));
        return Mono.zip(found, publishers, publications).map(parts -> {
            SearchViews.Search view = SearchViews.Search.of(language, languages.home(language),
                    switcher(language, query), query, parts.getT1(), parts.getT2(), parts.getT3());
            return render(view);
        });
    }

    private Rendering render(SearchViews.Search view) {
        Rendering.Builder<?> rendering = Rendering.view("search").modelAttribute("search", view);
        if (view.partial()) {
            // Sent, never kept: a search missing a part must not stand in for a complete one.
            rendering.header(PageCacheFilter.DEGRADED, "true");
        }
        return rendering.build();
    }

    private SearchViews.Pages pagesOf(SiteSearchClient.Results results, String lang, String query, long from) {
        if (results == null) {
            return new SearchViews.Pages(false, 0, 0, 0, List.of(), null, null);
        }
        List<SearchViews.Hit> hits = results.items().stream()
                .filter(hit -> SafeUrls.link(hit.permalink()) != null)
                .map(hit -> new SearchViews.Hit(SafeUrls.link(hit.permalink()), hit.title(), hit.isPost(),
                        hit.isPost() ? NewsAssembler.date(hit.date(), lang) : null, SnippetHtml.safe(hit.snippet())))
                .toList();
        long to = from + results.items().size();
        String base = languages.prefix(lang) + "/search?q=" + encode(query);
        String previous = from > 0 ? base + (from - PAGE_SIZE > 0 ? "&offset=" + (from - PAGE_SIZE) : "") : null;
        String next = to < results.total() ? base + "&offset=" + to : null;
        return new SearchViews.Pages(false, results.total(), hits.isEmpty() ? 0 : from + 1, to, hits, previous, next);
    }

    private <T> Mono<T> unavailable(String part, Throwable ex, T notice) {
        logger.warn("Site search shown without its {}: {}", part, ex.toString());
        return Mono.just(notice);
    }

    private List<SearchViews.LanguageLink> switcher(String lang, String query) {
        return languages.all().stream().map(other -> new SearchViews.LanguageLink(other,
                languages.prefix(other) + "/search" + (query.isEmpty() ? "" : "?q=" + encode(query)), other.equals(lang)))
                .toList();
    }

    /** The query as searched: control characters as spaces, trimmed, at most {@value #MAX_QUERY} characters. */
    static String clean(String q) {
        if (q == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(q.length(), MAX_QUERY));
        for (int i = 0; i < q.length() && clean.length() < MAX_QUERY; i++) {
            char c = q.charAt(i);
            clean.append(Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)
                    ? ' ' : c);
        }
        return clean.toString().strip();
    }

    private static String detail(String authors, Integer year) {
        String who = authors == null || authors.isBlank() ? "" : authors;
        return year == null ? who : (who.isEmpty() ? "" : who + " ") + "(" + year + ")";
    }

    private static String encode(String query) {
        return UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8).replace("&", "%26").replace("+", "%2B");
    }

    private static long offset(String value) {
        try {
            return value == null ? 0 : Math.min(Math.max(0, Long.parseLong(value)), 10_000);
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }
}
