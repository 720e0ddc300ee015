package be.biodiversity.portal.render.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import be.biodiversity.portal.render.gbif.GbifAnswer;
import be.biodiversity.portal.render.gbif.GbifClient;
import be.biodiversity.portal.render.gbif.GbifPages;
import be.biodiversity.portal.render.gbif.GbifProperties;
import be.biodiversity.portal.render.gbif.GbifViews;
import be.biodiversity.portal.render.gbif.PageLife;
import be.biodiversity.portal.render.gbif.SearchPages;
import be.biodiversity.portal.render.gbif.SearchSpec;
import be.biodiversity.portal.render.site.SafeUrls;

/**
 * Natural history collections and institutions from GBIF's GRSciColl, within the site's filter
 * ({@code portal.gbif.site.grscicoll-filter}): {@code /collection/search}, {@code /collection/{key}},
 * {@code /institution/search}, {@code /institution/{key}} (the hosted portal's paths), free text and paging.
 */
@Controller
class CollectionController {

    private final SearchPages searches;
    private final GbifPages pages;
    private final GbifClient gbif;
    private final SearchSpec collections;
    private final SearchSpec institutions;

    CollectionController(SearchPages searches, GbifPages pages, GbifClient gbif, GbifProperties properties) {
        this.searches = searches;
        this.pages = pages;
        this.gbif = gbif;
        Map<String, Pattern> filters = new LinkedHashMap<>();
        filters.put("q", SearchSpec.TEXT);
        List<String> site = properties.site().grscicollFilter();
        this.collections = new SearchSpec("/collection/search", "/grscicoll/collection",
                "/grscicoll/collection/search", "gbif.collection", filters, Set.of("q"), List.of(), site, List.of(),
                List.of("gbif.column.name", "gbif.column.code", "gbif.column.institution", "gbif.column.city",
                        "gbif.column.specimens"),
                false);
        this.institutions = new SearchSpec("/institution/search", "/grscicoll/institution",
                "/grscicoll/institution/search", "gbif.institution", filters, Set.of("q"), List.of(), site,
                List.of(), List.of("gbif.column.name", "gbif.column.code", "gbif.column.city",
                        "gbif.column.specimens"),
                false);
    }

    @GetMapping({ "/collection/search", "/{lang}/collection/search" })
    Mono<Rendering> collections(@PathVariable(required = false) String lang,
            @RequestParam MultiValueMap<String, String> query) {
        return searches.search(lang, query, collections, Grscicoll.Page.class, (page, l) -> rows(page, l, true),
                (field, values, l) -> Mono.just(Map.of()));
    }

    @GetMapping({ "/institution/search", "/{lang}/institution/search" })
    Mono<Rendering> institutions(@PathVariable(required = false) String lang,
            @RequestParam MultiValueMap<String, String> query) {
        return searches.search(lang, query, institutions, Grscicoll.Page.class, (page, l) -> rows(page, l, false),
                (field, values, l) -> Mono.just(Map.of()));
    }

    @GetMapping({ "/collection/{key}", "/{lang}/collection/{key}" })
    Mono<Rendering> collection(@PathVariable(required = false) String lang, @PathVariable String key) {
        return record(lang, key, "collection");
    }

    @GetMapping({ "/institution/{key}", "/{lang}/institution/{key}" })
    Mono<Rendering> institution(@PathVariable(required = false) String lang, @PathVariable String key) {
        return record(lang, key, "institution");
    }

    private Mono<Rendering> record(String prefix, String key, String kind) {
        return pages.record(prefix, key, SearchSpec.UUID,
                (lang, life) -> gbif.get("/grscicoll/" + kind + "/" + key, List.of(), Grscicoll.class)
                        .map(answer -> view(lang, key, kind, answer, life)),
                (lang, life) -> view(lang, key, kind, null, life));
    }

    private Rendering view(String lang, String key, String kind, GbifAnswer<Grscicoll> answer, PageLife life) {
        String gbifHref = pages.gbifOrg("/grscicoll/" + kind + "/" + key, List.of());
        String prefix = pages.prefix(lang);
        List<GbifViews.LanguageLink> switcher = pages.languageLinks(lang, p -> p + "/" + kind + "/" + key);
        String label = pages.message(lang, "gbif." + kind + ".kind");
        List<GbifViews.Button> buttons = List.of(new GbifViews.Button(pages.message(lang, "gbif.on-gbif"), gbifHref));
        String back = prefix + "/" + kind + "/search";
        String backText = pages.message(lang, "gbif." + kind + ".back");
        if (answer == null) {
            GbifViews.Record view = new GbifViews.Record(lang, pages.home(lang), switcher,
                    pages.canonical("/" + kind + "/" + key), label, label, null, List.of(), null, null, buttons,
                    pages.notice(lang, null, gbifHref), null, back, backText);
            return GbifPages.record(Rendering.view("gbif-record").modelAttribute("record", view), true, life);
        }
        Grscicoll g = answer.value();
        List<GbifViews.Field> fields = new ArrayList<>();
        add(fields, lang, "gbif.field.code", g.code(), null);
        if (g.institutionKey() != null && SearchSpec.UUID.matcher(g.institutionKey()).matches()) {
            add(fields, lang, "gbif.field.institution", g.institutionName() == null ? g.institutionKey()
                    : g.institutionName(), prefix + "/institution/" + g.institutionKey());
        }
        add(fields, lang, "gbif.field.types", join(lang, g.types()), null);
        add(fields, lang, "gbif.field.content-types", join(lang, g.contentTypes()), null);
        Grscicoll.Address a = g.address() != null ? g.address() : g.mailingAddress();
        if (a != null) {
            add(fields, lang, "gbif.field.address", String.join(", ", Stream.of(a.address(),
                    Stream.of(a.postalCode(), a.city()).filter(s -> s != null && !s.isBlank())
                            .reduce((x, y) -> x + " " + y).orElse(null),
                    pages.country(lang, a.country())).filter(s -> s != null && !s.isBlank()).toList()), null);
        }
        add(fields, lang, "gbif.field.specimens",
                g.numberSpecimens() == null || g.numberSpecimens() <= 0 ? null : pages.number(lang, g.numberSpecimens()),
                null);
        add(fields, lang, "gbif.field.homepage", SafeUrls.web(g.homepage()), SafeUrls.web(g.homepage()));
        if (g.email() != null) {
            g.email().stream().filter(e -> e != null && e.contains("@") && !e.contains(":"))
                    .forEach(e -> add(fields, lang, "gbif.field.email", e, SafeUrls.link("mailto:" + e)));
        }
        String description = g.description() == null ? null : Jsoup.clean(g.description().contains("<")
                ? g.description() : "<p>" + g.description().replace("\n\n", "</p><p>") + "</p>", Safelist.basic());
        GbifViews.Record view = new GbifViews.Record(lang, pages.home(lang), switcher,
                pages.canonical("/" + kind + "/" + key), label, g.name() == null ? label : g.name(), null, fields,
                description, null, buttons, pages.notice(lang, answer, gbifHref), null, back, backText);
        return GbifPages.record(Rendering.view("gbif-record").modelAttribute("record", view), answer.stale(), life);
    }

    private String join(String lang, List<String> codes) {
        return codes == null || codes.isEmpty() ? null
                : String.join(", ", codes.stream().map(c -> pages.code(lang, c)).filter(c -> c != null).toList());
    }

    private void add(List<GbifViews.Field> fields, String lang, String label, String value, String href) {
        if (value != null && !value.isBlank()) {
            fields.add(new GbifViews.Field(pages.message(lang, label), value, href));
        }
    }

    private Mono<List<List<GbifViews.Cell>>> rows(Grscicoll.Page page, String lang, boolean collection) {
        String prefix = pages.prefix(lang);
        String kind = collection ? "collection" : "institution";
        List<Grscicoll> results = page.results() == null ? List.of() : page.results();
        return Mono.just(results.stream().filter(g -> g.key() != null && SearchSpec.UUID.matcher(g.key()).matches())
                .map(g -> {
                    List<GbifViews.Cell> row = new ArrayList<>();
                    row.add(new GbifViews.Cell(g.name() == null ? g.key() : g.name(), prefix + "/" + kind + "/" + g.key()));
                    row.add(new GbifViews.Cell(g.code(), null));
                    if (collection) {
                        row.add(new GbifViews.Cell(g.institutionName(), g.institutionKey() == null
                                || !SearchSpec.UUID.matcher(g.institutionKey()).matches() ? null
                                        : prefix + "/institution/" + g.institutionKey()));
                    }
                    row.add(new GbifViews.Cell(g.city(), null));
                    row.add(new GbifViews.Cell(g.numberSpecimens() == null || g.numberSpecimens() <= 0 ? null
                            : pages.number(lang, g.numberSpecimens()), null));
                    return List.copyOf(row);
                }).toList());
    }
}
