package be.biodiversity.portal.content.data;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * The languages the site's published pages are in (implemented where pages are, so that the site's settings need
 * not know pages): read from the listings' in-memory index, not by scanning the pages at each request.
 */
public interface PublishedLanguages {

    /** The languages of the published pages now. */
    Mono<Set<String>> current();
}
