package be.biodiversity.portal.content.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import be.biodiversity.portal.content.jekyll.Yaml;

/** Parsed YAML of stored data files, kept per id and version so an unchanged file is parsed once. */
final class ParsedData {

    private record Key(String id, Long version) {
    }

    private final Map<Key, Object> parsed = new ConcurrentHashMap<>();

    Object of(SiteData data) {
        Key key = new Key(data.id(), data.version());
        Object value = parsed.get(key);
        if (value == null) {
            value = parse(data.source());
            if (parsed.size() > 10_000) {
                parsed.clear();
            }
            parsed.put(key, value);
        }
        return value;
    }

    static Object parse(String source) {
        Object value = source == null || source.isBlank() ? null : Yaml.load(source, 1);
        return value == null ? Map.of() : value;
    }
}
