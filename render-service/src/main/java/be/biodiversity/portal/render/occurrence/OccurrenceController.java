package be.biodiversity.portal.render.occurrence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * Occurrences from GBIF within the site's scope ({@code portal.gbif.site}): a search ({@code /occurrence/search},
 * the menu's "Data about/from Belgium") with free text, taxon, year, basis of record, dataset, publisher and the
 * countries, facets, paging, a result table and a map image; a page per occurrence ({@code /occurrence/{key}}).
 */
@Controller
class OccurrenceController {

    static final Set<String> BASIS_OF_RECORD = Set.of("PRESERVED_SPECIMEN", "FOSSIL_SPECIMEN", "LIVING_SPECIMEN",
            "OBSERVATION", "HUMAN_OBSERVATION", "MACHINE_OBSERVATION", "MATERIAL_SAMPLE", "MATERIAL_CITATION",
            "OCCURRENCE");
    private static final Pattern KEY = Pattern.compile("[0-9]{1,19}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{1,4}(,[0-9]{1,4})?");

    private final SearchPages searches;
    private final GbifPages pages;
    private final GbifClient gbif;
    private final Titles titles;
    private final SearchSpec spec;

    OccurrenceController(SearchPages searches, GbifPages pages, GbifClient gbif, Titles titles,
            GbifProperties properties) {
        this.searches = searches;
        this.pages = pages;
        this.gbif = gbif;
        this.titles = titles;
        Map<String, Pattern> filters = new LinkedHashMap<>();
        filters.put("q", SearchSpec.TEXT);
        filters.put("taxonKey", KEY);
        filters.put("year", YEAR);
        filters.put("basisOfRecord", Pattern.compile(String.join("|", BASIS_OF_RECORD)));
        filters.put("datasetKey", SearchSpec.UUID);
        filters.put("publishingOrg", SearchSpec.UUID);
        filters.put("country", SearchSpec.COUNTRY);
        filters.put("publishingCountry", SearchSpec.COUNTRY);
        this.spec = new SearchSpec("/occurrence/search", "/occurrence/search", "/occurrence/search",
                "gbif.occurrence", filters, Set.of("q", "year"),
                List.of("basisOfRecord", "year", "datasetKey", "publishingOrg", "country"),
                properties.site().occurrenceFilter(), properties.site().occurrenceScope(),
                List.of("gbif.column.scientific-name", "gbif.column.basis-of-record", "gbif.column.date",
                        "gbif.column.country", "gbif.column.dataset", "gbif.column.recorded-by"),
                true);
    }

    @GetMapping({ "/occurrence/search", "/{lang}/occurrence/search" })
    Mono<Rendering> search(@PathVariable(required = false) String lang,
            @RequestParam MultiValueMap<String, String> query) {
        return searches.search(lang, query, spec, Occurrence.Page.class, this::rows, this::labels);
    }

    @GetMapping({ "/occurrence/{key}", "/{lang}/occurrence/{key}" })
    Mono<Rendering> occurrence(@PathVariable(required = false) String lang, @PathVariable String key) {
        return pages.record(lang, key, KEY,
                (language, life) -> gbif.get("/occurrence/" + key, List.of(), Occurrence.class)
                        .flatMap(answer -> titles.waitingFor("dataset", answer.value().datasetKey() == null
                                ? List.of() : List.of(answer.value().datasetKey()))
                                .map(named -> record(language, key, answer, named, gbifHref(key), life))),
                (language, life) -> record(language, key, null, Map.of(), gbifHref(key), life));
    }

    private String gbifHref(String key) {
        return pages.gbifOrg("/occurrence/" + key, List.of());
    }

    private Rendering record(String lang, String key, GbifAnswer<Occurrence> answer, Map<String, String> named,
            String gbifHref, PageLife life) {
        String prefix = pages.prefix(lang);
        String back = prefix + "/occurrence/search";
        List<GbifViews.LanguageLink> switcher = pages.languageLinks(lang, p -> p + "/occurrence/" + key);
        String canonical = pages.canonical("/occurrence/" + key);
        String kind = pages.message(lang, "gbif.occurrence.kind");
        if (answer == null) {
            GbifViews.Record view = new GbifViews.Record(lang, pages.home(lang), switcher, canonical, kind,
                    kind + " " + key, null, List.of(), null, null,
                    List.of(new GbifViews.Button(pages.message(lang, "gbif.on-gbif"), gbifHref)),
                    pages.notice(lang, null, gbifHref), null, back, pages.message(lang, "gbif.occurrence.back"));
            return GbifPages.record(Rendering.view("gbif-record").modelAttribute("record", view), true, life);
        }
        Occurrence o = answer.value();
        List<GbifViews.Field> fields = new ArrayList<>();
        add(fields, lang, "gbif.field.basis-of-record", pages.code(lang, o.basisOfRecord()), null);
        add(fields, lang, "gbif.field.date", o.eventDate(), null);
        add(fields, lang, "gbif.field.kingdom", o.kingdom(), null);
        add(fields, lang, "gbif.field.family", o.family(), null);
        add(fields, lang, "gbif.field.rank", pages.code(lang, o.taxonRank()), null);
        add(fields, lang, "gbif.field.country", pages.country(lang, o.countryCode()), null);
        add(fields, lang, "gbif.field.state-province", o.stateProvince(), null);
        add(fields, lang, "gbif.field.locality", o.locality(), null);
        if (o.decimalLatitude() != null && o.decimalLongitude() != null) {
            add(fields, lang, "gbif.field.coordinates", String.format(java.util.Locale.ROOT, "%.5f, %.5f",
                    o.decimalLatitude(), o.decimalLongitude())
                    + (o.coordinateUncertaintyInMeters() == null ? ""
                            : " (± " + pages.number(lang, Math.round(o.coordinateUncertaintyInMeters())) + " m)"),
                    null);
        }
        add(fields, lang, "gbif.field.recorded-by", o.recordedBy(), null);
        add(fields, lang, "gbif.field.identified-by", o.identifiedBy(), null);
        add(fields, lang, "gbif.field.institution-code", o.institutionCode(), null);
        add(fields, lang, "gbif.field.collection-code", o.collectionCode(), null);
        add(fields, lang, "gbif.field.catalog-number", o.catalogNumber(), null);
        add(fields, lang, "gbif.field.occurrence-id", o.occurrenceID(), null);
        if (o.datasetKey() != null && SearchSpec.UUID.matcher(o.datasetKey()).matches()) {
            String title = named.getOrDefault(o.datasetKey(),
                    o.datasetName() != null ? o.datasetName() : Titles.shortKey(o.datasetKey()));
            add(fields, lang, "gbif.field.dataset", title, prefix + "/dataset/" + o.datasetKey());
        }
        add(fields, lang, "gbif.field.publishing-country", pages.country(lang, o.publishingCountry()), null);
        add(fields, lang, "gbif.field.license", o.license(), null);
        String title = o.scientificName() == null ? kind + " " + key : o.scientificName();
        GbifViews.Record view = new GbifViews.Record(lang, pages.home(lang), switcher, canonical, kind, title,
                pages.code(lang, o.occurrenceStatus()), fields, null, null,
                List.of(new GbifViews.Button(pages.message(lang, "gbif.on-gbif"), gbifHref)),
                pages.notice(lang, answer, gbifHref), null, back, pages.message(lang, "gbif.occurrence.back"));
        return GbifPages.record(Rendering.view("gbif-record").modelAttribute("record", view), answer.stale(), life);
    }

    private void add(List<GbifViews.Field> fields, String lang, String label, String value, String href) {
        if (value != null && !value.isBlank()) {
            fields.add(new GbifViews.Field(pages.message(lang, label), value, href));
        }
    }

    private Mono<List<List<GbifViews.Cell>>> rows(Occurrence.Page page, String lang) {
        List<Occurrence> results = page.results() == null ? List.of() : page.results();
        String prefix = pages.prefix(lang);
        return titles.of("dataset", results.stream().map(Occurrence::datasetKey)
                .filter(k -> k != null).distinct().toList()).map(named -> results.stream().map(o -> List.of(
                        new GbifViews.Cell(o.scientificName() == null ? String.valueOf(o.key()) : o.scientificName(),
                                o.key() == null ? null : prefix + "/occurrence/" + o.key()),
                        new GbifViews.Cell(pages.code(lang, o.basisOfRecord()), null),
                        new GbifViews.Cell(o.eventDate() == null ? (o.year() == null ? null : String.valueOf(o.year()))
                                : o.eventDate(), null),
                        new GbifViews.Cell(pages.country(lang, o.countryCode()), null),
                        new GbifViews.Cell(o.datasetKey() == null ? null : named.getOrDefault(o.datasetKey(),
                                o.datasetName() != null ? o.datasetName() : Titles.shortKey(o.datasetKey())),
                                o.datasetKey() == null || !SearchSpec.UUID.matcher(o.datasetKey()).matches() ? null
                                        : prefix + "/dataset/" + o.datasetKey()),
                        new GbifViews.Cell(o.recordedBy(), null))).toList());
    }

    private Mono<Map<String, String>> labels(String field, List<String> values, String lang) {
        return switch (field) {
            case "datasetKey" -> titles.of("dataset", values);
            case "publishingOrg" -> titles.of("organization", values);
            case "country" -> Mono.just(values.stream().collect(java.util.stream.Collectors.toMap(v -> v,
                    v -> java.util.Objects.requireNonNullElse(pages.country(lang, v), v), (a, b) -> a)));
            case "basisOfRecord" -> Mono.just(values.stream().collect(java.util.stream.Collectors.toMap(v -> v,
                    v -> java.util.Objects.requireNonNullElse(pages.code(lang, v), v), (a, b) -> a)));
            default -> Mono.just(Map.of());
        };
    }
}
