package be.biodiversity.portal.system.jekyll;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code defaults:} in {@code _config.yml}. As in Jekyll 4, a scope's {@code path} applies to every
 * file whose path (relative to the site) starts with it, as text (no segment rule); a path with {@code *} is a glob;
 * an empty or absent path applies to all. {@code type} is {@code pages}, {@code posts}, {@code drafts} or a
 * collection's name.
 */
record DefaultScope(String path, String type, Map<String, Object> values) {

    static Optional<DefaultScope> of(Object entry) {
        if (!(entry instanceof Map<?, ?> map) || !(map.get("values") instanceof Map<?, ?> values)) {
            return Optional.empty();
        }
        Map<?, ?> scope = map.get("scope") instanceof Map<?, ?> s ? s : Map.of();
        String path = scope.get("path") == null ? "" : String.valueOf(scope.get("path"));
        // Jekyll strips a leading ./ or / of the scope (it is relative to the source)
        path = path.replaceFirst("^\\./", "").replaceFirst("^/+", "");
        String type = scope.get("type") == null ? null : String.valueOf(scope.get("type"));
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return Optional.of(new DefaultScope(path, type, copy));
    }

    boolean applies(String file, String fileType) {
        boolean pathMatches = path.isEmpty()
                || (path.contains("*") ? Glob.matches(path, file) || Glob.matches(path + "/*", file)
                        : file.startsWith(path));
        return pathMatches && (type == null || type.equals(fileType));
    }

    /** Jekyll's {@code has_precedence?}: a longer path, or as long a path with a type (or neither typed). */
    boolean precedes(DefaultScope earlier) {
        if (path.length() != earlier.path().length()) {
            return path.length() > earlier.path().length();
        }
        return type != null || earlier.type() == null;
    }
}
