package be.biodiversity.portal.render.cache;

/**
 * One entry of content-service's change feed, as the caches need it.
 *
 * @param site    true for a change many pages depend on (navigation, site data, config, an include, an import)
 * @param path    the public path that changed (a page's or post's permalink); null for a site change
 * @param removed the path no longer serves this content (deleted, unpublished, moved away, language removed)
 * @param post    true for a post (its change changes the post listings), false for a page, null when the feed does
 *                not say (then a path not known as a page is taken for a post, to be safe)
 */
public record ContentChange(long revision, boolean site, String path, boolean removed, Boolean post) {

    public static ContentChange site(long revision) {
        return new ContentChange(revision, true, null, false, null);
    }

    public static ContentChange page(long revision, String path, boolean removed) {
        return new ContentChange(revision, false, path, removed, null);
    }

    public static ContentChange page(long revision, String path, boolean removed, Boolean post) {
        return new ContentChange(revision, false, path, removed, post);
    }
}
