package be.biodiversity.portal.content.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import be.biodiversity.portal.content.yaml.Yaml;

/** Parsed YAML of stored data files, kept per id and version so an unchanged file is parsed once. */
final class ParsedData {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ParsedData.class);

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

    /** As {@link #of}, but a file that cannot be read (e.g. stored before a limit it breaks) is empty, and logged. */
    Object orEmpty(SiteData data) {
        try {
            return of(data);
        }
        catch (Yaml.YamlException ex) {
            log.warn("Data file {} ({}) is left out of site.data: line {}: {}", data.name(), data.lang(), ex.line(),
                    ex.getMessage());
            return Map.of();
        }
    }

    static Object parseOrEmpty(SiteData data) {
        try {
            return parse(data.source());
        }
        catch (Yaml.YamlException ex) {
            return Map.of();
        }
    }

    static Object parse(String source) {
        Object value = source == null || source.isBlank() ? null : Yaml.load(source, 1);
        return value == null ? Map.of() : value;
    }
}
