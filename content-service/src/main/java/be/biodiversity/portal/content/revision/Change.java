package be.biodiversity.portal.content.revision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing a write changed, as readers of the change feed need it: a public path of a page, or the whole site.
 * Only published pages appear: a draft's path is never public, so a draft's creation or edit is not listed.
 *
 * @param scope   {@code page} or {@code site}
 * @param lang    the page's language (page scope only)
 * @param path    the page's permalink as visitors request it (page scope only)
 * @param kind    {@code page} or {@code post}: a post's change also changes the listings that show posts
 * @param removed true when the path no longer serves this content (deleted, unpublished, moved away)
 * @param pageId  the id of the page whose path this is (page scope; null in entries written before it was kept):
 *                not part of the public feed, it lets this service's own listings re-read just that page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String scope, String lang, String path, String kind, Boolean removed, String pageId) {

    public static final String PAGE = "page";
    public static final String SITE = "site";

    /** Something many pages depend on changed (a data file, the configuration, a big import). */
    public static Change site() {
        return new Change(SITE, null, null, null, null, null);
    }

    public static Change page(String lang, String path, String kind, boolean removed) {
        return new Change(PAGE, lang, path, kind, removed, null);
    }

    /** A public path of the page with this id changed (see {@link #page(String, String, String, boolean)}). */
    public static Change page(String pageId, String lang, String path, String kind, boolean removed) {
        return new Change(PAGE, lang, path, kind, removed, pageId);
    }

    boolean isSite() {
        return SITE.equals(scope);
    }

    boolean isRemoval() {
        return Boolean.TRUE.equals(removed);
    }
}
