package be.biodiversity.portal.render.cache;

import java.time.Instant;
import java.util.Set;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * A rendered page as it was sent, with what tells whether it may be sent again.
 *
 * @param bornNanos  when it was rendered, on the cache's ticker
 * @param renderedAt the same moment on the wall clock, for {@code Last-Modified}
 * @param uses       what it was made of: content paths (its own, its language versions) and {@link #POSTS} (a post
 *                   listing: archive, related posts, latest posts, feed) or {@link #ALL_PAGES} (the sitemap)
 * @param post       the page is a post (a change to it changes the listings)
 * @param fresh      false after a site-wide change: no longer served as it is, only in place of an error
 */
record CachedPage(HttpStatusCode status, MediaType contentType, byte[] body, String etag, Instant renderedAt,
        long bornNanos, Set<String> uses, boolean post, boolean fresh) {

    static final String POSTS = "posts";
    static final String ALL_PAGES = "pages";

    long ageNanos(long nowNanos) {
        return nowNanos - bornNanos;
    }

    CachedPage staleOnly() {
        return fresh ? new CachedPage(status, contentType, body, etag, renderedAt, bornNanos, uses, post, false) : this;
    }
}
