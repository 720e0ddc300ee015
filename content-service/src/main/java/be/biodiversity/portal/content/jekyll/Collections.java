package be.biodiversity.portal.content.jekyll;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The collections {@code _config.yml} declares ({@code collections:} as a mapping of name to settings, or a list of
 * names): the documents of one are the files under {@code _<name>/}. Only a collection with {@code output: true} is
 * published, each document at the collection's {@code permalink} (default {@code /:collection/:path}, with
 * {@code .html} unless the site's permalinks are pretty); {@code posts} is not one of them.
 */
record Collections(Map<String, Collection> byFolder) {

    /** @param permalink the collection's permalink template, or null for the default */
    record Collection(String name, boolean output, String permalink) {
    }

    static Collections of(SiteConfig config) {
        Map<String, Collection> found = new LinkedHashMap<>();
        Object declared = config.site().get("collections");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, settings) -> {
                Map<?, ?> values = settings instanceof Map<?, ?> m ? m : Map.of();
                add(found, String.valueOf(name), Boolean.TRUE.equals(values.get("output")),
                        values.get("permalink") == null ? null : String.valueOf(values.get("permalink")));
            });
        }
        else if (declared instanceof java.util.List<?> list) {
            list.forEach(name -> add(found, String.valueOf(name), false, null));
        }
        return new Collections(found);
    }

    private static void add(Map<String, Collection> found, String name, boolean output, String permalink) {
        if (!name.equals("posts") && name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            found.put("_" + name + "/", new Collection(name, output, permalink));
        }
    }

    /** The collection a file belongs to, if any. */
    Optional<Collection> of(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(byFolder.get(path.substring(0, slash + 1)));
    }
}
