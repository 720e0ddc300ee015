package be.biodiversity.portal.render.cache;

/**
 * A page whose own answers say how long it is right (a GBIF page): served again until {@code untilNanos} and only
 * while the site is at the revision it was rendered at (the header, menus, footer and language switch are the site's).
 * Never served in place of an error: GBIF's client has its own rule for that, which labels what it shows.
 *
 * @param untilNanos when it stops being right, on the cache's ticker
 * @param revision   the site revision it was rendered at ({@link SiteRevision#UNKNOWN}: kept only very briefly)
 */
record TimedPage(CachedPage page, long untilNanos, long revision) {

    /** What it weighs in the cache: its bytes, its key, and what Caffeine and the records take beside them. */
    int weight(String key) {
        return page.body().length + 2 * key.length() + 256;
    }
}
