package be.biodiversity.portal.system.jekyll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code _config.yml} decides about which pages Jekyll (4.3) writes and where: the permalink style, the
 * front-matter {@code defaults}, the collections, {@code exclude}/{@code include}, the markdown extensions and
 * {@code future}. Absent settings take Jekyll's defaults.
 */
record SiteSettings(String permalinkStyle, List<DefaultScope> defaults, Map<String, Collection> collections,
        List<String> exclude, List<String> include, Set<String> markdownExtensions, boolean future,
        boolean unpublished) {

    /** Jekyll's own exclusions, which a site's {@code exclude} adds to. */
    static final List<String> JEKYLL_EXCLUDE = List.of(".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile",
            "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/");

    /** A collection: the documents are the files under {@code _<name>/}; only {@code output: true} writes them. */
    record Collection(String name, boolean output, String permalink) {
    }

    static SiteSettings of(Map<String, Object> config) {
        List<DefaultScope> defaults = new ArrayList<>();
        if (config.get("defaults") instanceof List<?> list) {
            for (Object entry : list) {
                DefaultScope.of(entry).ifPresent(defaults::add);
            }
        }
        Map<String, Collection> collections = new LinkedHashMap<>();
        Object declared = config.get("collections");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, settings) -> {
                Map<?, ?> values = settings instanceof Map<?, ?> m ? m : Map.of();
                collections.put(String.valueOf(name), new Collection(String.valueOf(name),
                        Boolean.TRUE.equals(values.get("output")),
                        values.get("permalink") == null ? null : String.valueOf(values.get("permalink"))));
            });
        }
        else if (declared instanceof List<?> names) {
            names.forEach(name -> collections.put(String.valueOf(name), new Collection(String.valueOf(name), false, null)));
        }
        // posts is a collection too, always written
        collections.remove("posts");
        List<String> exclude = new ArrayList<>(JEKYLL_EXCLUDE);
        exclude.addAll(strings(config.get("exclude")));
        List<String> include = new ArrayList<>(List.of(".htaccess"));
        include.addAll(strings(config.get("include")));
        Object ext = config.getOrDefault("markdown_ext", "markdown,mkdown,mkdn,mkd,md");
        Set<String> markdown = Set.of(String.valueOf(ext).toLowerCase().split("\\s*,\\s*"));
        Object permalink = config.get("permalink");
        return new SiteSettings(permalink == null ? "date" : String.valueOf(permalink), defaults, collections, exclude,
                include, markdown, Boolean.TRUE.equals(config.get("future")),
                Boolean.TRUE.equals(config.get("unpublished")));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /**
     * The front matter a file gets: the defaults that apply, merged as Jekyll merges them (a scope with a longer
     * path, or as long a path and a type, takes precedence over the one before; any other is merged under it), then
     * the file's own.
     */
    Map<String, Object> frontMatter(String path, String type, Map<String, Object> own) {
        Map<String, Object> values = new LinkedHashMap<>();
        DefaultScope winner = null;
        for (DefaultScope scope : defaults) {
            if (!scope.applies(path, type)) {
                continue;
            }
            if (winner == null || scope.precedes(winner)) {
                values = deepMerge(values, scope.values());
                winner = scope;
            }
            else {
                values = deepMerge(scope.values(), values);
            }
        }
        return deepMerge(values, own);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> under, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(under);
        over.forEach((key, value) -> {
            Object old = merged.get(key);
            if (old instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                merged.put(key, deepMerge((Map<String, Object>) a, (Map<String, Object>) b));
            }
            else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
