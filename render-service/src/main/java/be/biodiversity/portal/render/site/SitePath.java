package be.biodiversity.portal.render.site;

/**
 * A visitor's request path, normalised, with the language it is in.
 *
 * @param language the page's language, e.g. {@code nl}
 * @param path the permalink to look up, e.g. {@code /nl/community}
 */
public record SitePath(String language, String path) {
}
