package be.biodiversity.portal.render.news;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.ContentUnavailableException;
import be.biodiversity.portal.render.content.PageList;
import be.biodiversity.portal.render.content.PageSummary;
import be.biodiversity.portal.render.site.SiteLanguages;
import be.biodiversity.portal.render.site.Xml;

/**
 * {@code /sitemap.xml}: every published page and post of every language, each with its language versions as
 * alternates, and {@code /robots.txt} pointing to it. Past {@code portal.sitemap.max-urls} (50,000, the sitemap
 * protocol's limit) {@code /sitemap.xml} is a sitemap index naming {@code /sitemap-1.xml}, {@code /sitemap-2.xml}…,
 * each of at most that many URLs. A sitemap is sent in parts of {@value #BATCH} URLs as it is written; it is written
 * only once every listing it needs has been read, so a failing listing is a 503, never a short sitemap.
 */
@Controller
class SitemapController {

    static final int BATCH = 1000;
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ContentClient content;
    private final SiteLanguages languages;
    private final int maxUrls;

    SitemapController(ContentClient content, SiteLanguages languages,
            @Value("${portal.sitemap.max-urls:50000}") int maxUrls) {
        this.content = content;
        this.languages = languages;
        this.maxUrls = Math.max(1, maxUrls);
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body("User-agent: *\nDisallow: /api/\nSitemap: " + languages.site().baseUrl() + "/sitemap.xml\n");
    }

    @GetMapping("/sitemap.xml")
    Mono<ResponseEntity<Flux<String>>> sitemap(ServerWebExchange exchange) {
        PageCacheFilter.uses(exchange, List.of(PageCacheFilter.ALL_PAGES));
        return all().collectList()
                .map(pages -> ResponseEntity.ok().contentType(XML).body(pages.size() <= maxUrls ? urlset(pages, pages)
                        : index((pages.size() + maxUrls - 1) / maxUrls)))
                .onErrorResume(ContentUnavailableException.class,
                        ex -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
    }

    /** One part of a sitemap index, from 1; 404 when the sitemap has no such part (or no parts at all). */
    @GetMapping("/sitemap-{part}.xml")
    Mono<ResponseEntity<Flux<String>>> part(@PathVariable String part, ServerWebExchange exchange) {
        int number = part.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(part) : 0;
        if (number == 0) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        PageCacheFilter.uses(exchange, List.of(PageCacheFilter.ALL_PAGES));
        return all().collectList().map(pages -> {
            long from = (long) (number - 1) * maxUrls;
            if (pages.size() <= maxUrls || from >= pages.size()) {
                return ResponseEntity.notFound().<Flux<String>>build();
            }
            List<PageSummary> shown = pages.subList((int) from, (int) Math.min(pages.size(), from + maxUrls));
            return ResponseEntity.ok().contentType(XML).body(urlset(shown, pages));
        }).onErrorResume(ContentUnavailableException.class,
                ex -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
    }

    /** Every page to index, by permalink (content-service's order), read {@value #BATCH} at a time. */
    private Flux<PageSummary> all() {
        return content.everything(0, BATCH).expand(list -> list.last() || list.items().isEmpty() ? Mono.empty()
                : content.everything(list.start() + list.items().size(), BATCH))
                .flatMapIterable(PageList::items)
                // the Jekyll 404 page and the theme's route templates (/publisher/_key_) are not pages to index
                .filter(page -> page.permalink() != null && !page.permalink().endsWith("/404")
                        && !page.permalink().contains("/_key_"))
                // a page whose front matter says noindex: true asks not to be indexed
                .filter(page -> !Boolean.TRUE.equals(page.noindex()));
    }

    private Flux<String> index(int parts) {
        return Flux.defer(() -> {
            Xml xml = Xml.document().start("sitemapindex").defaultNamespace(SITEMAP_NS);
            for (int n = 1; n <= parts; n++) {
                xml.start("sitemap").element("loc", siteUrl() + "/sitemap-" + n + ".xml").end();
            }
            return Flux.just(xml.end().finish());
        });
    }

    /**
     * @param pages every page of this sitemap, sorted by permalink
     * @param site  every page of the site, for the language versions of each
     */
    private Flux<String> urlset(List<PageSummary> pages, List<PageSummary> site) {
        Map<String, List<PageSummary>> versions = site.stream().filter(p -> p.translationKey() != null)
                .collect(Collectors.groupingBy(PageSummary::translationKey, LinkedHashMap::new, Collectors.toList()));
        List<List<PageSummary>> batches = new ArrayList<>();
        for (int from = 0; from < pages.size(); from += BATCH) {
            batches.add(pages.subList(from, Math.min(pages.size(), from + BATCH)));
        }
        return Flux.defer(() -> {
            Xml xml = Xml.document().start("urlset").defaultNamespace(SITEMAP_NS).namespace("xhtml", XHTML_NS);
            // the root's start tag stays open until its first child: the first part is taken with the first batch
            return Flux.fromIterable(batches).map(batch -> {
                batch.forEach(page -> url(xml, page, versions));
                return xml.take();
            }).concatWith(Mono.fromSupplier(() -> xml.end().finish()));
        });
    }

    /** The site's public origin (configured, else its own url): never the request's Host. */
    private String siteUrl() {
        return languages.site().baseUrl();
    }

    private void url(Xml xml, PageSummary page, Map<String, List<PageSummary>> versions) {
        xml.start("url").element("loc", siteUrl() + page.permalink());
        if (page.updatedAt() != null) {
            xml.element("lastmod", DateTimeFormatter.ISO_INSTANT.format(page.updatedAt()));
        }
        List<PageSummary> alternates = page.translationKey() == null ? List.of()
                : versions.getOrDefault(page.translationKey(), List.of());
        if (alternates.size() > 1) {
            alternates.forEach(other -> xml.empty("xhtml", "link", XHTML_NS).attribute("rel", "alternate")
                    .attribute("hreflang", other.lang()).attribute("href", siteUrl() + other.permalink()));
        }
        xml.end();
    }
}
