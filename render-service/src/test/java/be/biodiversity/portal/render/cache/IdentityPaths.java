package be.biodiversity.portal.render.cache;

/** Paths as they are: a permalink is its own key (the tests' site has no language rules to apply). */
final class IdentityPaths implements PagePaths {

    static final PagePaths PATHS = new IdentityPaths();

    @Override
    public String requestKey(String rawPath) {
        return rawPath;
    }

    @Override
    public String permalinkKey(String permalink) {
        return permalink;
    }

    @Override
    public String siteKey() {
        return "default";
    }
}
