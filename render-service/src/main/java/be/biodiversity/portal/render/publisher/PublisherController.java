package be.biodiversity.portal.render.publisher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriUtils;

import be.biodiversity.portal.render.directory.DirectoryClient;
import be.biodiversity.portal.render.directory.DirectoryClient.InvalidSearchException;
import be.biodiversity.portal.render.directory.DirectoryClient.OrganisationPage;
import be.biodiversity.portal.render.directory.Organisation;
import be.biodiversity.portal.render.text.Markdown;
import be.biodiversity.portal.render.site.ProblemView;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SearchFrame;
import be.biodiversity.portal.render.site.SearchFilters;
import be.biodiversity.portal.render.site.SearchLinks;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * The publishers of Belgian data: a search with role, type and country filters ({@code /publisher/search},
 * {@code /nl/publisher/search}, ...) and a page per organisation ({@code /publisher/{key}}), from directory-service.
 */
@Controller
class PublisherController {

    static final int PAGE_SIZE = 20;
    private static final Set<String> SINGLE_VALUED = Set.of("q");
    private static final Logger logger = LoggerFactory.getLogger(PublisherController.class);

    private final DirectoryClient directory;
    private final SiteLanguages languages;
    private final MessageSource messages;
    private final Markdown markdown;

    PublisherController(DirectoryClient directory, SiteLanguages languages, MessageSource messages,
            Markdown markdown) {
        this.directory = directory;
        this.languages = languages;
        this.messages = messages;
        this.markdown = markdown;
    }

    @GetMapping({ "/publisher/search", "/{lang}/publisher/search" })
    Mono<Rendering> search(@PathVariable(required = false) String lang,
            @RequestParam MultiValueMap<String, String> query) {
        String language = languages.ofRoute(lang);
        if (language == null) {
            return Mono.just(problem(languages.defaultLanguage(), HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        Map<String, List<String>> filters = SearchFilters.of(query, DirectoryClient.FILTERS, SINGLE_VALUED);
        long offset = SearchFrame.offset(query.getFirst("offset"));
        SearchLinks links = new SearchLinks(languages.prefix(language) + "/publisher/search", filters, SINGLE_VALUED);
        return directory.search(filters, offset, PAGE_SIZE)
                .map(page -> render(HttpStatus.OK, view(language, links, page, offset, null, false)))
                .onErrorResume(InvalidSearchException.class,
                        ex -> Mono.just(render(HttpStatus.BAD_REQUEST, view(language, links, null, 0, ex.getMessage(),
                                false))))
                .onErrorResume(ex -> !(ex instanceof InvalidSearchException), ex -> {
                    logger.warn("Publisher search unavailable: {}", ex.getMessage());
                    return Mono.just(render(HttpStatus.SERVICE_UNAVAILABLE, view(language, links, null, 0, null, true)));
                });
    }

    @GetMapping({ "/publisher/{key}", "/{lang}/publisher/{key}" })
    Mono<Rendering> publisher(@PathVariable(required = false) String lang, @PathVariable String key) {
        String language = languages.ofRoute(lang);
        if (language == null) {
            return Mono.just(problem(languages.defaultLanguage(), HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        return directory.organisation(key)
                .map(found -> Rendering.view("publisher").modelAttribute("publisher", view(language, found)).build())
                .switchIfEmpty(Mono.fromSupplier(() -> problem(language, HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND)))
                .onErrorResume(ex -> Mono.just(problem(language, HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemView.UNAVAILABLE)));
    }

    private Rendering render(HttpStatus status, PublisherViews.Search search) {
        return Rendering.view("publisher-search").status(status).modelAttribute("search", search).build();
    }

    private PublisherViews.Search view(String lang, SearchLinks links, OrganisationPage page, long offset,
            String invalid, boolean unavailable) {
        List<PublisherViews.LanguageLink> switcher = languages.all().stream()
                .map(other -> new PublisherViews.LanguageLink(other,
                        links.in(languages.prefix(other) + "/publisher/search").page(offset), other.equals(lang)))
                .toList();
        if (page == null) {
            return new PublisherViews.Search(lang, languages.home(lang), switcher, SearchFrame.withoutResults(links),
                    List.of(), List.of(), invalid, unavailable);
        }
        List<PublisherViews.Item> items = page.items().stream()
                .map(o -> new PublisherViews.Item(publisherPath(lang, o.key()), o.name(lang), o.acronym(),
                        label(lang, "type", o.type()), country(lang, o.country()), o.datasets()))
                .toList();
        return new PublisherViews.Search(lang, languages.home(lang), switcher,
                SearchFrame.of(links, page.total(), offset, items.size(), PAGE_SIZE), items, facets(lang, links, page),
                null, false);
    }

    private List<SearchFrame.Facet> facets(String lang, SearchLinks links, OrganisationPage page) {
        List<SearchFrame.Facet> facets = new ArrayList<>();
        for (DirectoryClient.Facet facet : page.facetList()) {
            String field = facet.field() == null ? "" : facet.field().toLowerCase(Locale.ROOT);
            if (!DirectoryClient.FILTERS.contains(field) || facet.counts() == null || facet.counts().isEmpty()) {
                continue;
            }
            facets.add(new SearchFrame.Facet(field, facet.counts().stream()
                    .map(c -> new SearchFrame.FacetValue(field.equals("country") ? country(lang, c.name())
                            : label(lang, field, c.name()), c.count(), links.toggle(field, c.name()),
                            links.isSelected(field, c.name())))
                    .toList()));
        }
        return facets;
    }

    private PublisherViews.Publisher view(String lang, Organisation o) {
        List<PublisherViews.LanguageLink> switcher = languages.all().stream()
                .map(other -> new PublisherViews.LanguageLink(other, publisherPath(other, o.key()), other.equals(lang)))
                .toList();
        Organisation.Registry registry = o.registry();
        List<String> address = registry == null ? List.of() : Stream.concat(
                registry.address() == null ? Stream.<String>empty() : registry.address().stream(),
                Stream.of(join(registry.postalCode(), registry.city()), registry.province(),
                        country(lang, registry.country())))
                .filter(line -> line != null && !line.isBlank()).toList();
        List<PublisherViews.Contact> contacts = registry == null || registry.contacts() == null ? List.of()
                : registry.contacts().stream().filter(c -> c.name() != null)
                        .map(c -> new PublisherViews.Contact(c.name(), label(lang, "contact", c.type()),
                                c.roles() == null ? null : String.join(", ", c.roles()), c.email()))
                        .toList();
        String gbif = "https://www.gbif.org/publisher/" + encode(o.key());
        String description = o.description(lang);
        return new PublisherViews.Publisher(lang, languages.home(lang), switcher, o.name(lang), o.acronym(),
                description == null ? null : markdown.toHtmlWithoutRawHtml(description),
                o.roleList().stream().map(r -> label(lang, "role", r)).toList(), label(lang, "type", o.type()),
                SafeUrls.link(o.homepage()), address,
                registry == null || registry.email() == null ? List.of() : registry.email(),
                registry == null || registry.phone() == null ? List.of() : registry.phone(), contacts, o.datasets(),
                gbif, "https://www.gbif.org/dataset/search?publishing_org=" + encode(o.key()),
                "https://www.gbif.org/occurrence/search?publishing_org=" + encode(o.key()),
                languages.prefix(lang) + "/publisher/search");
    }

    private String label(String lang, String field, String code) {
        if (code == null) {
            return null;
        }
        String readable = code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return messages.getMessage("publisher." + field + "." + code, null, readable, Locale.forLanguageTag(lang));
    }

    private static String country(String lang, String code) {
        return code == null || code.isBlank() ? null : new Locale("", code).getDisplayCountry(Locale.forLanguageTag(lang));
    }

    private static String join(String postalCode, String city) {
        return Stream.of(postalCode, city).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .reduce((a, b) -> a + " " + b).orElse(null);
    }

    private String publisherPath(String lang, String key) {
        return languages.prefix(lang) + "/publisher/" + encode(key);
    }

    private static String encode(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }

    private Rendering problem(String lang, HttpStatus status, String key) {
        return ProblemView.rendering(lang, languages.home(lang), status, key);
    }
}
