package be.biodiversity.portal.render.literature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import be.biodiversity.portal.render.content.ContentUnavailableException;
import be.biodiversity.portal.render.content.Literature;
import be.biodiversity.portal.render.content.LiteratureClient;
import be.biodiversity.portal.render.content.LiteratureClient.InvalidSearchException;
import be.biodiversity.portal.render.content.LiteratureResults;
import be.biodiversity.portal.render.site.ProblemView;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SearchFrame;
import be.biodiversity.portal.render.site.SearchFilters;
import be.biodiversity.portal.render.site.SearchLinks;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * The literature that reuses GBIF-mediated data: a search page with facets ({@code /literature/search},
 * {@code /nl/literature/search}, ...) and a page per record ({@code /literature/{id}}). Works without JavaScript:
 * every filter is a link or a GET form.
 */
@Controller
class LiteratureController {

    static final int PAGE_SIZE = 20;
    private static final java.util.Set<String> SINGLE_VALUED = java.util.Set.of("q", "year", "openAccess",
            "peerReview");
    private static final Logger logger = LoggerFactory.getLogger(LiteratureController.class);

    private final LiteratureClient literature;
    private final SiteLanguages languages;
    private final FacetLabels labels;

    LiteratureController(LiteratureClient literature, SiteLanguages languages, FacetLabels labels) {
        this.literature = literature;
        this.languages = languages;
        this.labels = labels;
    }

    @GetMapping({ "/literature/search", "/{lang}/literature/search" })
    Mono<Rendering> search(@PathVariable(required = false) String lang, @RequestParam MultiValueMap<String, String> query) {
        String language = languages.ofRoute(lang);
        if (language == null) {
            return Mono.just(problem(languages.defaultLanguage(), HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        Map<String, List<String>> filters = SearchFilters.of(query, LiteratureClient.FILTERS, SINGLE_VALUED);
        long offset = SearchFrame.offset(query.getFirst("offset"));
        SearchLinks links = new SearchLinks(searchPath(language), filters, SINGLE_VALUED);
        return literature.search(filters, offset, PAGE_SIZE)
                .map(results -> Rendering.view("literature-search")
                        .modelAttribute("search", view(language, links, results, offset, null, null)).build())
                .onErrorResume(InvalidSearchException.class, ex -> Mono.just(Rendering.view("literature-search")
                        .status(HttpStatus.BAD_REQUEST)
                        .modelAttribute("search", view(language, links, null, 0, ex.field(), ex.getMessage()))
                        .build()))
                .onErrorResume(ContentUnavailableException.class, ex -> {
                    logger.warn("Literature search unavailable: {}", ex.getMessage());
                    return Mono.just(problem(language, HttpStatus.SERVICE_UNAVAILABLE, ProblemView.UNAVAILABLE));
                });
    }

    @GetMapping({ "/literature/{id}", "/{lang}/literature/{id}" })
    Mono<Rendering> record(@PathVariable(required = false) String lang, @PathVariable String id) {
        String language = languages.ofRoute(lang);
        if (language == null) {
            return Mono.just(problem(languages.defaultLanguage(), HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        return literature.record(id)
                .map(found -> Rendering.view("literature-record").modelAttribute("record", view(language, found))
                        .build())
                .switchIfEmpty(Mono.fromSupplier(() -> problem(language, HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND)))
                .onErrorResume(ContentUnavailableException.class,
                        ex -> Mono.just(problem(language, HttpStatus.SERVICE_UNAVAILABLE, ProblemView.UNAVAILABLE)));
    }

    private LiteratureViews.Search view(String lang, SearchLinks links, LiteratureResults results, long offset,
            String invalidField, String invalidDetail) {
        List<LiteratureViews.LanguageLink> switcher = languages.all().stream()
                .map(other -> new LiteratureViews.LanguageLink(other, links.in(searchPath(other)).page(offset),
                        other.equals(lang)))
                .toList();
        if (results == null) {
            return new LiteratureViews.Search(lang, languages.home(lang), switcher, SearchFrame.withoutResults(links),
                    List.of(), List.of(), invalidField, invalidDetail);
        }
        List<LiteratureViews.Item> items = results.items().stream()
                .map(r -> new LiteratureViews.Item(recordPath(lang, r.id()), r.title(), r.authorNames(), r.year(),
                        r.source(), labels.value(lang, "literatureType", r.literatureType()), r.isSample()))
                .toList();
        return new LiteratureViews.Search(lang, languages.home(lang), switcher,
                SearchFrame.of(links, results.total(), offset, items.size(), PAGE_SIZE), items,
                facets(lang, links, results), null, null);
    }

    private List<SearchFrame.Facet> facets(String lang, SearchLinks links, LiteratureResults results) {
        List<SearchFrame.Facet> facets = new ArrayList<>();
        for (LiteratureResults.Facet facet : results.facetList()) {
            if (!FacetLabels.SHOWN.contains(facet.field()) || facet.counts() == null || facet.counts().isEmpty()) {
                continue;
            }
            List<LiteratureResults.Count> counts = new ArrayList<>(facet.counts());
            if (facet.field().equals("year")) {
                counts.sort(Comparator.comparing(LiteratureResults.Count::name).reversed());
            }
            facets.add(new SearchFrame.Facet(facet.field(), counts.stream()
                    .map(c -> new SearchFrame.FacetValue(labels.value(lang, facet.field(), c.name()), c.count(),
                            links.toggle(facet.field(), c.name()), links.isSelected(facet.field(), c.name())))
                    .toList()));
        }
        return facets;
    }

    private LiteratureViews.Record view(String lang, Literature r) {
        List<LiteratureViews.LanguageLink> switcher = languages.all().stream()
                .map(other -> new LiteratureViews.LanguageLink(other, recordPath(other, r.id()), other.equals(lang)))
                .toList();
        String doi = r.doi();
        List<LiteratureViews.Download> downloads = r.gbifDownloadKey() == null ? List.of()
                : r.gbifDownloadKey().stream()
                        .map(key -> new LiteratureViews.Download(key, "https://www.gbif.org/occurrence/download/" + key))
                        .toList();
        List<String> websites = r.websites() == null ? List.of()
                : r.websites().stream().map(SafeUrls::web).filter(java.util.Objects::nonNull).toList();
        List<String> topics = r.topics() == null ? List.of()
                : r.topics().stream().map(t -> labels.value(lang, "topics", t)).toList();
        return new LiteratureViews.Record(lang, languages.home(lang), switcher, r.title(), r.authorNames(), r.year(),
                r.source(), labels.value(lang, "literatureType", r.literatureType()), topics, r.abstractText(),
                doi == null ? null : "https://doi.org/" + doi, doi, websites, downloads, r.openAccess(),
                r.peerReview(), searchPath(lang), r.isSample());
    }

    private String searchPath(String lang) {
        return languages.prefix(lang) + "/literature/search";
    }

    private String recordPath(String lang, String id) {
        return languages.prefix(lang) + "/literature/" + org.springframework.web.util.UriUtils.encodePathSegment(id,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private Rendering problem(String lang, HttpStatus status, String key) {
        return ProblemView.rendering(lang, languages.home(lang), status, key);
    }
}
