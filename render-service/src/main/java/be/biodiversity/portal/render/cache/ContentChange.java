package be.biodiversity.portal.render.cache;

/**
 * One entry of content-service's change feed, as the caches need it.
 *
 * @param site    true for a change many pages depend on (navigation, site data, config, an include, an import)
 * @param path    the public path that changed (a page's or post's permalink); null for a site change
 * @param removed the path no longer serves this content (deleted, unpublished, moved away, language removed)
 * @param post    true for a post (its change changes the post listings), false for a page, null when the feed does
 *                not say (then a path not known as a page is taken for a post, to be safe)
 * @param lang    the language of the page, as the feed says it; null when it does not
 */
public record ContentChange(long revision, boolean site, String path, boolean removed, Boolean post, String lang) {

    public ContentChange(long revision, boolean site, String path, boolean removed, Boolean post) {
        this(revision, site, path, removed, post, null);
    }

    public static ContentChange site(long revision) {
        return new ContentChange(revision, true, null, false, null);
    }

    public static ContentChange page(long revision, String path, boolean removed) {
        return new ContentChange(revision, false, path, removed, null);
    }

    public static ContentChange page(long revision, String path, boolean removed, Boolean post) {
        return new ContentChange(revision, false, path, removed, post);
    }

    public static ContentChange page(long revision, String path, boolean removed, Boolean post, String lang) {
        return new ContentChange(revision, false, path, removed, post, lang);
    }
}
