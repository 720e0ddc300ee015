package be.biodiversity.portal.render.cache;

/**
 * How a path becomes the key of a page: the site's languages decide it ({@code site/SiteLanguages} does), the
 * caches and the change feed only use it.
 */
public interface PagePaths {

    /** The key of the page a visitor's raw request path asks for. */
    String requestKey(String rawPath);

    /** The key of a page from its permalink, as content-service gives it. */
    String permalinkKey(String permalink);

    /** The key of the site a request is for (MULTISITE.md: every cache key starts with it). */
    String siteKey();

    /**
     * A normalised path that can be a page: no control or line-separator characters, no backslash, no {@code ..}
     * segment. Anything else is not a spelling of a page.
     */
    static boolean isClean(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < ' ' || (c >= 0x7F && c <= 0x9F) || c == '\\' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return !path.equals("/..") && !path.contains("/../") && !path.endsWith("/..");
    }
}
