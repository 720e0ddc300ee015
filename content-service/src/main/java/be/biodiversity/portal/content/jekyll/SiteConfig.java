package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code _config.yml} decides about content: front-matter defaults per path (and type), the permalink
 * style, and the {@code site.*} variables Liquid sees.
 */
record SiteConfig(Map<String, Object> site, List<Scope> defaults, String permalinkStyle) {

    static final SiteConfig EMPTY = new SiteConfig(Map.of(), List.of(), "date");

    /** One entry of {@code defaults:}: values for files under {@code path}, optionally of one {@code type}. */
    record Scope(String path, String type, Map<String, Object> values) {

        boolean appliesTo(String file, String fileType) {
            boolean pathMatches = path.isEmpty() || file.equals(path) || file.startsWith(path + "/");
            return pathMatches && (type == null || type.equals(fileType));
        }

        int specificity() {
            return (path.isEmpty() ? 0 : path.split("/").length) * 2 + (type == null ? 0 : 1);
        }
    }

    @SuppressWarnings("unchecked")
    static SiteConfig of(Map<String, Object> config) {
        List<Scope> scopes = new ArrayList<>();
        if (config.get("defaults") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("values") instanceof Map<?, ?> values) {
                    Map<String, Object> scope = map.get("scope") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
                    String path = scope.get("path") == null ? "" : String.valueOf(scope.get("path"));
                    path = path.replaceAll("^\\./", "").replaceAll("/+$", "");
                    String type = scope.get("type") == null ? null : String.valueOf(scope.get("type"));
                    scopes.add(new Scope(path, type, (Map<String, Object>) values));
                }
            }
        }
        Object permalink = config.get("permalink");
        return new SiteConfig(config, scopes, permalink == null ? "date" : String.valueOf(permalink));
    }

    /** The values of the defaults whose scope is every file (path {@code ""}, no type). */
    Map<String, Object> defaultsForEveryPath() {
        Map<String, Object> values = new LinkedHashMap<>();
        defaults.stream().filter(s -> s.path().isEmpty() && s.type() == null).forEach(s -> values.putAll(s.values()));
        return values;
    }

    /** The defaults for a file, the most specific scope winning, then the file's own front matter over them. */
    Map<String, Object> effective(String file, String type, Map<String, Object> frontMatter) {
        Map<String, Object> values = new LinkedHashMap<>();
        defaults.stream().filter(s -> s.appliesTo(file, type))
                .sorted(Comparator.comparingInt(Scope::specificity))
                .forEach(s -> values.putAll(s.values()));
        values.putAll(frontMatter);
        return values;
    }
}
