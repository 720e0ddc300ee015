package be.biodiversity.portal.content.search;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * The site search: published pages and posts of one language whose title, headings, description or text hold every
 * word of {@code q} (as the beginning of a word, ignoring case and accents), best first, with a highlighted snippet.
 * Answered from this instance's in-memory index ({@link SiteSearchIndex}); drafts are never in it.
 */
@RestController
class SiteSearchController {

    private final SiteSearchIndex index;
    private final ContentProperties properties;

    SiteSearchController(SiteSearchIndex index, ContentProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    @GetMapping("/api/content/v1/search")
    Mono<SiteSearchResults> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String lang, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "20") int limit) {
        SiteSearchQuery query = new SiteSearchQuery(SiteSearchFollower.SITE, q, lang, kind, offset, limit);
        if (query.lang() != null && !properties.languages().contains(query.lang())) {
            throw new InvalidFieldException("lang", "'" + query.lang() + "' is not one of " + properties.languages());
        }
        return Mono.fromSupplier(() -> index.search(query));
    }
}
