package be.biodiversity.portal.render.gbif;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.cache.QueryKey;
import be.biodiversity.portal.render.site.ProblemView;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * What every page made from GBIF's data shares: the language of the URL, links in the other languages, canonical
 * URLs, localised numbers, labels of GBIF's codes, links to the same thing on GBIF.org, the notice when GBIF could
 * not be reached, the map image.
 */
@Component
public class GbifPages {

    private final SiteLanguages languages;
    private final MessageSource messages;
    private final GbifProperties gbif;

    GbifPages(SiteLanguages languages, MessageSource messages, GbifProperties gbif) {
        this.languages = languages;
        this.messages = messages;
        this.gbif = gbif;
    }

    /** The language a path prefix names ({@code null}: the default language), or null when it names none. */
    public String language(String prefix) {
        return languages.ofRoute(prefix);
    }

    public String defaultLanguage() {
        return languages.defaultLanguage();
    }

    public String home(String lang) {
        return languages.home(lang);
    }

    public String prefix(String lang) {
        return languages.prefix(lang);
    }

    /** The same page in every language: {@code pathIn} gives the page's path for a language's prefix. */
    public List<GbifViews.LanguageLink> languageLinks(String lang, Function<String, String> pathIn) {
        return languages.all().stream()
                .map(other -> new GbifViews.LanguageLink(other, pathIn.apply(prefix(other)), other.equals(lang)))
                .toList();
    }

    /** The absolute URL of a page of the site, from the site's base URL (never the request's Host). */
    public String canonical(String pathAndQuery) {
        return languages.site().baseUrl() + pathAndQuery;
    }

    public String message(String lang, String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.forLanguageTag(lang));
    }

    public String number(String lang, long value) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang)).format(value);
    }

    /** A GBIF code ({@code HUMAN_OBSERVATION}) in the page's language, else made readable. */
    public String code(String lang, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String readable = code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return messages.getMessage("gbif.code." + code, null, readable, Locale.forLanguageTag(lang));
    }

    public String country(String lang, String code) {
        return code == null || code.isBlank() ? null
                : new Locale("", code).getDisplayCountry(Locale.forLanguageTag(lang));
    }

    /** The notice of an answer: null when it is fresh; its time when it is a kept one. */
    public GbifViews.Notice notice(String lang, GbifAnswer<?> answer, String gbifHref) {
        if (answer == null) {
            return new GbifViews.Notice(null, gbifHref);
        }
        if (!answer.stale()) {
            return null;
        }
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(lang)).withZone(ZoneOffset.UTC).format(answer.fetchedAt()) + " UTC";
        return new GbifViews.Notice(when, gbifHref);
    }

    /**
     * {@code https://www.gbif.org{path}?...}: GBIF.org names its filters in snake case ({@code datasetKey} is
     * {@code dataset_key}).
     */
    public String gbifOrg(String path, List<Map.Entry<String, String>> filters) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(gbif.websiteUrl().toString()).path(path);
        filters.forEach(e -> url.queryParam(snake(e.getKey()), e.getValue()));
        return url.encode().build().toUriString();
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The map image: 2 × 2 tiles of the base map around the site's centre, with GBIF's density tiles over them. */
    public GbifViews.MapView map(List<Map.Entry<String, String>> filters) {
        GbifProperties.Map at = gbif.site().map();
        int zoom = Math.max(0, Math.min(at.zoom(), 16));
        double n = Math.pow(2, zoom);
        double x = (at.lng() + 180) / 360 * n;
        double latRad = Math.toRadians(at.lat());
        double y = (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n;
        int x0 = (int) Math.floor(x - 0.5);
        int y0 = (int) Math.floor(y - 0.5);
        String base = gbif.basemapUrl().toString().replaceAll("/+$", "");
        String density = gbif.mapUrl().toString().replaceAll("/+$", "") + "/occurrence/density";
        List<List<GbifViews.Tile>> rows = new ArrayList<>();
        for (int row = 0; row < 2; row++) {
            List<GbifViews.Tile> tiles = new ArrayList<>();
            for (int col = 0; col < 2; col++) {
                int tx = Math.floorMod(x0 + col, (int) n);
                int ty = Math.max(0, Math.min((int) n - 1, y0 + row));
                String tile = "/" + zoom + "/" + tx + "/" + ty + "@1x.png";
                UriComponentsBuilder layer = UriComponentsBuilder.fromUriString(density + tile)
                        .queryParam("srs", "EPSG:3857").queryParam("style", "classic.poly").queryParam("bin", "hex");
                filters.forEach(e -> layer.queryParam(e.getKey(), e.getValue()));
                tiles.add(new GbifViews.Tile(base + tile + "?style=gbif-light",
                        layer.encode().build().toUriString()));
            }
            rows.add(tiles);
        }
        return new GbifViews.MapView(rows);
    }

    public static String encode(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }

    /**
     * A record page ({@code /occurrence/{key}}, ...): our 404 page for a language the site does not have or a key
     * that is not one ({@code keys}), and for GBIF's 404 or refusal; else the {@code page} made in the language from
     * GBIF's answers, or {@code unavailable} when GBIF cannot be reached. Each render has its {@link PageLife}.
     */
    public Mono<Rendering> record(String prefix, String key, Pattern keys,
            BiFunction<String, PageLife, Mono<Rendering>> page, BiFunction<String, PageLife, Rendering> unavailable) {
        String lang = language(prefix);
        if (lang == null || !keys.matcher(key).matches()) {
            return Mono.just(problem(lang == null ? defaultLanguage() : lang, HttpStatus.NOT_FOUND,
                    ProblemView.NOT_FOUND));
        }
        PageLife life = new PageLife();
        return page.apply(lang, life)
                .switchIfEmpty(Mono.fromSupplier(() -> problem(lang, HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND)))
                .onErrorResume(GbifRefusedException.class,
                        error -> Mono.just(problem(lang, HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND)))
                .onErrorResume(GbifUnavailableException.class, error -> Mono.just(unavailable.apply(lang, life)))
                .contextWrite(life::into);
    }

    public Rendering problem(String lang, HttpStatus status, String key) {
        return Rendering.view("problem").status(status)
                .modelAttribute("problem", new ProblemView(lang, languages.home(lang), key)).build();
    }

    /** A page shown with GBIF's answer missing or old: sent, but not kept in the page cache. */
    public static Rendering.Builder<?> degraded(Rendering.Builder<?> rendering, boolean degraded) {
        return degraded ? rendering.header(PageCacheFilter.DEGRADED, "true") : rendering;
    }

    /**
     * A record page (it reads no query): not kept when {@code degraded}, else kept while the GBIF answers it used are
     * fresh, for requests without a query.
     */
    public static Rendering record(Rendering.Builder<?> rendering, boolean degraded, PageLife life) {
        return (degraded ? degraded(rendering, true) : kept(rendering, life, QueryKey.NONE)).build();
    }

    /**
     * A page the page cache may keep as long as the GBIF answers it used are fresh ({@link PageLife}), for requests
     * whose query is {@code query} (a {@link QueryKey}); as it is when its life says it is not to be kept or there is
     * no such query (null).
     */
    public static Rendering.Builder<?> kept(Rendering.Builder<?> rendering, PageLife life, String query) {
        if (query == null) {
            return rendering;
        }
        life.until().ifPresent(until -> rendering.header(PageCacheFilter.KEEP_UNTIL, Long.toString(until))
                .header(PageCacheFilter.KEEP_QUERY, query));
        return rendering;
    }
}
