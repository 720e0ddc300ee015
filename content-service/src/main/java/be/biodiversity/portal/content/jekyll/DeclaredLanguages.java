package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The languages a site declares, read where hosted portals and their theme keep them: {@code algae.rootLang},
 * {@code default_lang} or {@code lang} of {@code _config.yml} (else the {@code lang} its defaults give every path)
 * for the default; its {@code languages} (a list or a mapping), the keys of {@code _data/languages.yml} (with their
 * {@code label}) and the {@code lang} values of its defaults for the others.
 *
 * @param defaultLanguage the language of pages that name none
 * @param languages       the declared languages, the default first
 * @param labels          the site's own name of a language, where it gives one
 */
record DeclaredLanguages(String defaultLanguage, List<String> languages, Map<String, String> labels) {

    /** What a language code looks like ({@code en}, {@code zh-tw}, {@code pt_BR}): a folder name that may be one. */
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?");

    static boolean looksLikeLanguage(String name) {
        return name != null && CODE.matcher(name).matches();
    }

    /**
     * @param config    the parsed {@code _config.yml} (empty when it is missing or unreadable)
     * @param languages the parsed {@code _data/languages.yml}, or null
     * @param fallback  the default language when the site names none
     */
    static DeclaredLanguages of(SiteConfig config, Object languages, String fallback) {
        Map<String, Object> site = config.site();
        String defaultLanguage = firstCode(nested(site, "algae", "rootLang"), site.get("default_lang"), site.get("lang"),
                config.defaultsForEveryPath().get("lang"));
        Set<String> declared = new LinkedHashSet<>();
        Map<String, String> labels = new LinkedHashMap<>();
        if (site.get("languages") instanceof List<?> list) {
            list.forEach(l -> addCode(declared, l));
        }
        else if (site.get("languages") instanceof Map<?, ?> map) {
            map.keySet().forEach(l -> addCode(declared, l));
        }
        if (languages instanceof Map<?, ?> map) {
            map.forEach((code, value) -> {
                if (addCode(declared, code) && value instanceof Map<?, ?> settings && settings.get("label") != null) {
                    labels.put(String.valueOf(code), String.valueOf(settings.get("label")));
                }
            });
        }
        config.defaults().forEach(scope -> addCode(declared, scope.values().get("lang")));
        if (defaultLanguage == null) {
            defaultLanguage = declared.isEmpty() ? fallback : declared.iterator().next();
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(defaultLanguage);
        declared.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
        return new DeclaredLanguages(defaultLanguage, List.copyOf(ordered), labels);
    }

    boolean declares(String lang) {
        return languages.contains(lang);
    }

    private static Object nested(Map<String, Object> site, String key, String inner) {
        return site.get(key) instanceof Map<?, ?> map ? map.get(inner) : null;
    }

    private static String firstCode(Object... values) {
        for (Object value : values) {
            if (value != null && looksLikeLanguage(String.valueOf(value).strip())) {
                return String.valueOf(value).strip();
            }
        }
        return null;
    }

    private static boolean addCode(Set<String> codes, Object value) {
        if (value == null || !looksLikeLanguage(String.valueOf(value).strip())) {
            return false;
        }
        codes.add(String.valueOf(value).strip());
        return true;
    }
}
