package be.biodiversity.portal.render.news;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.ContentUnavailableException;
import be.biodiversity.portal.render.content.PageList;
import be.biodiversity.portal.render.content.PageSummary;
import be.biodiversity.portal.render.site.Xml;

/**
 * {@code /sitemap.xml}: every published page and post of every language, each with its language versions as
 * alternates, and {@code /robots.txt} pointing to it.
 */
@Controller
class SitemapController {

    private static final int BATCH = 1000;
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ContentClient content;
    private final String siteUrl;

    SitemapController(ContentClient content, PortalProperties properties) {
        this.content = content;
        this.siteUrl = properties.siteUrl().toString().replaceAll("/+$", "");
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body("User-agent: *\nDisallow: /api/\nSitemap: " + siteUrl + "/sitemap.xml\n");
    }

    @GetMapping("/sitemap.xml")
    Mono<ResponseEntity<String>> sitemap(ServerWebExchange exchange) {
        PageCacheFilter.uses(exchange, List.of(PageCacheFilter.ALL_PAGES));
        return all().collectList().map(pages -> ResponseEntity.ok().contentType(XML).body(xml(pages)))
                .onErrorResume(ContentUnavailableException.class,
                        ex -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
    }

    private Flux<PageSummary> all() {
        return content.everything(0, BATCH).expand(list -> list.last() || list.items().isEmpty() ? Mono.empty()
                : content.everything(list.start() + list.items().size(), BATCH))
                .flatMapIterable(PageList::items)
                // the Jekyll 404 page and the theme's route templates (/publisher/_key_) are not pages to index
                .filter(page -> page.permalink() != null && !page.permalink().endsWith("/404")
                        && !page.permalink().contains("/_key_"));
    }

    private String xml(List<PageSummary> pages) {
        Map<String, List<PageSummary>> versions = pages.stream().filter(p -> p.translationKey() != null)
                .collect(Collectors.groupingBy(PageSummary::translationKey, LinkedHashMap::new, Collectors.toList()));
        Xml xml = Xml.document().start("urlset").defaultNamespace(SITEMAP_NS).namespace("xhtml", XHTML_NS);
        pages.stream().sorted(Comparator.comparing(PageSummary::permalink)).forEach(page -> {
            xml.start("url").element("loc", siteUrl + page.permalink());
            if (page.updatedAt() != null) {
                xml.element("lastmod", DateTimeFormatter.ISO_INSTANT.format(page.updatedAt()));
            }
            List<PageSummary> alternates = page.translationKey() == null ? List.of()
                    : versions.get(page.translationKey());
            if (alternates.size() > 1) {
                alternates.forEach(other -> xml.empty("xhtml", "link", XHTML_NS).attribute("rel", "alternate")
                        .attribute("hreflang", other.lang()).attribute("href", siteUrl + other.permalink()));
            }
            xml.end();
        });
        return xml.end().finish();
    }
}
