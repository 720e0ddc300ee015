package be.biodiversity.portal.render.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import be.biodiversity.portal.render.gbif.Titles;
import be.biodiversity.portal.render.site.SafeUrls;

/**
 * The site's datasets from GBIF ({@code portal.gbif.site.dataset-filter}): a search ({@code /dataset/search}) with
 * free text, type, publisher and licence facets and paging, and a page per dataset ({@code /dataset/{key}}: title,
 * description, citation, publisher, occurrence count, a map, links to download on GBIF.org).
 */
@Controller
class DatasetController {

    private static final Set<String> TYPES = Set.of("OCCURRENCE", "CHECKLIST", "METADATA", "SAMPLING_EVENT",
            "MATERIAL_ENTITY");
    private static final Set<String> LICENSES = Set.of("CC0_1_0", "CC_BY_4_0", "CC_BY_NC_4_0", "UNSPECIFIED",
            "UNSUPPORTED");

    private final SearchPages searches;
    private final GbifPages pages;
    private final GbifClient gbif;
    private final Titles titles;
    private final SearchSpec spec;
    private final List<String> occurrenceFilter;

    DatasetController(SearchPages searches, GbifPages pages, GbifClient gbif, Titles titles,
            GbifProperties properties) {
        this.searches = searches;
        this.pages = pages;
        this.gbif = gbif;
        this.titles = titles;
        this.occurrenceFilter = properties.site().occurrenceFilter();
        Map<String, Pattern> filters = new LinkedHashMap<>();
        filters.put("q", SearchSpec.TEXT);
        filters.put("type", Pattern.compile(String.join("|", TYPES)));
        filters.put("publishingOrg", SearchSpec.UUID);
        filters.put("license", Pattern.compile(String.join("|", LICENSES)));
        this.spec = new SearchSpec("/dataset/search", "/dataset/search", "/dataset/search", "gbif.dataset", filters,
                Set.of("q"), List.of("type", "publishingOrg", "license"), properties.site().datasetFilter(),
                List.of(), List.of("gbif.column.title", "gbif.column.type", "gbif.column.publisher",
                        "gbif.column.records"),
                false);
    }

    @GetMapping({ "/dataset/search", "/{lang}/dataset/search" })
    Mono<Rendering> search(@PathVariable(required = false) String lang,
            @RequestParam MultiValueMap<String, String> query) {
        return searches.search(lang, query, spec, Dataset.Page.class, this::rows, this::labels);
    }

    @GetMapping({ "/dataset/{key}", "/{lang}/dataset/{key}" })
    Mono<Rendering> dataset(@PathVariable(required = false) String lang, @PathVariable String key) {
        return pages.record(lang, key, SearchSpec.UUID,
                (language, life) -> gbif.get("/dataset/" + key, List.of(), Dataset.class)
                        .flatMap(answer -> Mono.zip(count(key), titles.waitingFor("organization",
                                answer.value().publishingOrganizationKey() == null ? List.of()
                                        : List.of(answer.value().publishingOrganizationKey())))
                                .map(parts -> record(language, key, answer, parts.getT1().orElse(null),
                                        parts.getT2(), gbifHref(key), life))),
                (language, life) -> record(language, key, null, null, Map.of(), gbifHref(key), life));
    }

    private String gbifHref(String key) {
        return pages.gbifOrg("/dataset/" + key, List.of());
    }

    /** The dataset's occurrences in the site's filter: none (not an error) when GBIF cannot tell. */
    private Mono<Optional<GbifAnswer<Dataset.Count>>> count(String key) {
        List<Map.Entry<String, String>> query = new ArrayList<>(SearchPages.entries(occurrenceFilter));
        query.add(Map.entry("datasetKey", key));
        query.add(Map.entry("limit", "0"));
        return gbif.get("/occurrence/search", query, Dataset.Count.class).map(Optional::of)
                .onErrorResume(error -> Mono.just(Optional.empty())).defaultIfEmpty(Optional.empty());
    }

    private Rendering record(String lang, String key, GbifAnswer<Dataset> answer, GbifAnswer<Dataset.Count> count,
            Map<String, String> named, String gbifHref, PageLife life) {
        String prefix = pages.prefix(lang);
        List<GbifViews.LanguageLink> switcher = pages.languageLinks(lang, p -> p + "/dataset/" + key);
        String canonical = pages.canonical("/dataset/" + key);
        String kind = pages.message(lang, "gbif.dataset.kind");
        String download = pages.gbifOrg("/occurrence/download", List.of(Map.entry("datasetKey", key)));
        List<GbifViews.Button> buttons = List.of(
                new GbifViews.Button(pages.message(lang, "gbif.dataset.download"), download),
                new GbifViews.Button(pages.message(lang, "gbif.on-gbif"), gbifHref));
        String back = prefix + "/dataset/search";
        if (answer == null) {
            GbifViews.Record view = new GbifViews.Record(lang, pages.home(lang), switcher, canonical, kind, kind,
                    null, List.of(), null, null, buttons, pages.notice(lang, null, gbifHref), null, back,
                    pages.message(lang, "gbif.dataset.back"));
            return GbifPages.record(Rendering.view("gbif-record").modelAttribute("record", view), true, life);
        }
        Dataset d = answer.value();
        List<GbifViews.Field> fields = new ArrayList<>();
        String org = d.publishingOrganizationKey();
        if (org != null && SearchSpec.UUID.matcher(org).matches()) {
            fields.add(new GbifViews.Field(pages.message(lang, "gbif.field.publisher"),
                    named.getOrDefault(org, Titles.shortKey(org)), prefix + "/publisher/" + org));
        }
        add(fields, lang, "gbif.field.type", pages.code(lang, d.type()), null);
        if (count != null) {
            fields.add(new GbifViews.Field(pages.message(lang, "gbif.field.occurrences"),
                    pages.number(lang, count.value().count()),
                    prefix + "/occurrence/search?datasetKey=" + key));
        }
        add(fields, lang, "gbif.field.license", d.license(), null);
        add(fields, lang, "gbif.field.doi", d.doi(), d.doi() == null ? null : SafeUrls.web("https://doi.org/" + d.doi()));
        add(fields, lang, "gbif.field.homepage", SafeUrls.web(d.homepage()), SafeUrls.web(d.homepage()));
        add(fields, lang, "gbif.field.published", d.pubDate() == null ? null : d.pubDate().split("T")[0], null);
        String description = d.description() == null ? null
                : Jsoup.clean(d.description().contains("<") ? d.description()
                        : "<p>" + d.description().replace("\n\n", "</p><p>") + "</p>", Safelist.basic());
        boolean occurrences = "OCCURRENCE".equals(d.type()) || "SAMPLING_EVENT".equals(d.type());
        boolean stale = answer.stale() || (count != null && count.stale());
        GbifViews.Record view = new GbifViews.Record(lang, pages.home(lang), switcher, canonical, kind,
                d.title() == null ? kind : d.title(), null, fields, description,
                d.citation() == null ? null : d.citation().text(), buttons,
                answer.stale() ? pages.notice(lang, answer, gbifHref) : null,
                occurrences ? pages.map(List.of(Map.entry("datasetKey", key))) : null, back,
                pages.message(lang, "gbif.dataset.back"));
        return GbifPages.record(Rendering.view("gbif-record").modelAttribute("record", view), stale || count == null,
                life);
    }

    private void add(List<GbifViews.Field> fields, String lang, String label, String value, String href) {
        if (value != null && !value.isBlank()) {
            fields.add(new GbifViews.Field(pages.message(lang, label), value, href));
        }
    }

    private Mono<List<List<GbifViews.Cell>>> rows(Dataset.Page page, String lang) {
        List<Dataset.Found> results = page.results() == null ? List.of() : page.results();
        String prefix = pages.prefix(lang);
        return Mono.just(results.stream().filter(d -> d.key() != null && SearchSpec.UUID.matcher(d.key()).matches())
                .map(d -> List.of(
                        new GbifViews.Cell(d.title() == null ? d.key() : d.title(), prefix + "/dataset/" + d.key()),
                        new GbifViews.Cell(pages.code(lang, d.type()), null),
                        new GbifViews.Cell(d.publishingOrganizationTitle(),
                                d.publishingOrganizationKey() == null
                                        || !SearchSpec.UUID.matcher(d.publishingOrganizationKey()).matches() ? null
                                                : prefix + "/publisher/" + d.publishingOrganizationKey()),
                        new GbifViews.Cell(d.recordCount() == null ? null : pages.number(lang, d.recordCount()),
                                null)))
                .toList());
    }

    private Mono<Map<String, String>> labels(String field, List<String> values, String lang) {
        return switch (field) {
            case "publishingOrg" -> titles.of("organization", values);
            case "type", "license" -> Mono.just(values.stream().collect(Collectors.toMap(v -> v,
                    v -> Objects.requireNonNullElse(pages.code(lang, v), v), (a, b) -> a)));
            default -> Mono.just(Map.of());
        };
    }
}
