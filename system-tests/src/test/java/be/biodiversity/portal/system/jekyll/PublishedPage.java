package be.biodiversity.portal.system.jekyll;

import java.util.Map;

/**
 * One HTML page a Jekyll build writes.
 *
 * @param source      the file it is built from, relative to the site ({@code en/about.md})
 * @param kind        page, post or the name of its collection
 * @param url         the URL Jekyll gives it ({@code /about}, {@code /post/2024/x/}): the address visitors use
 * @param output      the file Jekyll writes ({@code about.html}, {@code post/2024/x/index.html})
 * @param frontMatter its front matter, with the config's defaults applied
 * @param body        its text after the front matter (markdown or HTML, Liquid unresolved)
 */
public record PublishedPage(String source, String kind, String url, String output, Map<String, Object> frontMatter,
        String body) {

    public String lang() {
        Object lang = frontMatter.get("lang");
        return lang == null ? null : String.valueOf(lang);
    }

    public String layout() {
        Object layout = frontMatter.get("layout");
        return layout == null ? null : String.valueOf(layout);
    }

    public boolean markdown() {
        return !source.endsWith(".html") && !source.endsWith(".htm");
    }

    /**
     * A route template of the theme's data widgets ({@code /publisher/_key_}): hosting answers it for every key
     * ({@code /publisher/<uuid>}), nobody visits the template itself.
     */
    public boolean routeTemplate() {
        return url.contains("/_key_");
    }
}
