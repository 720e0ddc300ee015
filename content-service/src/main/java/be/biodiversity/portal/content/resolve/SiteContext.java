package be.biodiversity.portal.content.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code site} variable Liquid sees: the settings of {@code _config.yml} plus {@code site.data}, where
 * {@code _data/images.yml} is {@code site.data.images} and {@code _data/fr/images.yml} is
 * {@code site.data.fr.images}, exactly as in Jekyll; and the site's own {@code _includes} files by name.
 *
 * @param version names the data files and includes (at their versions) this context was built from: two contexts
 *                with the same version resolve a page the same way
 */
public record SiteContext(Map<String, Object> site, Map<String, String> includes, String version) {

    public static SiteContext of(Map<String, Object> config, Map<String, Object> defaultData,
            Map<String, Map<String, Object>> dataByLanguage) {
        return of(config, defaultData, dataByLanguage, Map.of(), "unversioned");
    }

    public static SiteContext of(Map<String, Object> config, Map<String, Object> defaultData,
            Map<String, Map<String, Object>> dataByLanguage, Map<String, String> includes, String version) {
        Map<String, Object> data = new LinkedHashMap<>(defaultData);
        dataByLanguage.forEach((lang, files) -> {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (data.get(lang) instanceof Map<?, ?> existing) {
                existing.forEach((k, v) -> merged.put(String.valueOf(k), v));
            }
            merged.putAll(files);
            data.put(lang, merged);
        });
        Map<String, Object> site = new LinkedHashMap<>(config);
        site.remove("defaults");
        site.put("data", data);
        return new SiteContext(Collections.unmodifiableMap(site), Map.copyOf(includes), version);
    }
}
