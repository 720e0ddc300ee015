package be.biodiversity.portal.content.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.biodiversity.portal.content.language.SiteLanguages;

/**
 * Reads a site's {@link SiteSettings} from its parsed {@code _config.yml} and {@code _data/languages.yml}, and the
 * languages it has pages in. Pure: no I/O, every input given.
 */
final class SiteSettingsReader {

    /** A language code as hosted portals use them in URLs and front matter: {@code en}, {@code zh-tw}. */
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}");

    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}){1,2}");

    private SiteSettingsReader() {
    }

    /**
     * @param config          the parsed {@code _config.yml}, empty when the site has none (the demo)
     * @param declared        the parsed {@code _data/languages.yml}, empty when none
     * @param configured      {@code portal.content.languages}: the languages when the site declares none
     * @param withPages       the languages the site has published pages in
     */
    static SiteSettings read(String key, Map<?, ?> config, Map<?, ?> declared, List<String> configured,
            Collection<String> withPages) {
        Map<?, ?> algae = map(config.get("algae"));
        Map<?, ?> privacy = map(config.get("privacy"));
        String defaultLanguage = code(algae.get("rootLang"));
        List<String> fromDefaults = defaultsLanguages(config.get("defaults"));
        if (defaultLanguage == null) {
            defaultLanguage = rootDefault(config.get("defaults"));
        }
        Map<String, String> names = new LinkedHashMap<>();
        declared.forEach((code, value) -> {
            String normal = code(code);
            if (normal != null) {
                names.put(normal, text(map(value).get("label")));
            }
        });
        Set<String> order = new LinkedHashSet<>();
        if (defaultLanguage != null) {
            order.add(defaultLanguage);
        }
        order.addAll(names.keySet());
        order.addAll(fromDefaults);
        if (order.isEmpty() || (config.isEmpty() && declared.isEmpty())) {
            configured.stream().map(SiteSettingsReader::code).filter(c -> c != null).forEach(order::add);
        }
        if (defaultLanguage == null) {
            defaultLanguage = order.isEmpty() ? "en" : order.iterator().next();
        }
        Set<String> pages = new LinkedHashSet<>();
        withPages.stream().map(SiteSettingsReader::code).filter(c -> c != null).sorted().forEach(pages::add);
        List<SiteSettings.Language> languages = new ArrayList<>();
        languages.add(new SiteSettings.Language(defaultLanguage, names.get(defaultLanguage)));
        List<String> others = new ArrayList<>(order);
        pages.stream().filter(l -> !order.contains(l)).forEach(others::add);
        for (String code : others) {
            if (!code.equals(defaultLanguage) && (pages.isEmpty() || pages.contains(code))) {
                languages.add(new SiteSettings.Language(code, names.get(code)));
            }
        }
        Map<?, ?> colours = map(map(algae.get("style")).get("colors"));
        String primary = text(colours.get("primary"));
        return new SiteSettings(key, text(config.get("title")), text(config.get("tagline")),
                text(config.get("description")),
                text(config.get("url")), text(algae.get("logo")),
                primary != null && HEX_COLOUR.matcher(primary).matches() ? primary : null,
                text(config.get("email")),
                new SiteSettings.Privacy(first(privacy.get("name"), config.get("name")),
                        first(privacy.get("contactEmail"), config.get("contactEmail"), config.get("email"))),
                defaultLanguage, List.copyOf(languages));
    }

    /**
     * The settings with the languages the last import stored (the ones every check of this service accepts): its
     * default language, and its other languages in its order that the site has published pages in. Settings read
     * before any import (the demo, {@code source} "settings") are returned as they are.
     */
    static SiteSettings withImported(SiteSettings read, SiteLanguages imported, Collection<String> withPages) {
        if (imported == null || "settings".equals(imported.source())) {
            return read;
        }
        Map<String, String> names = new LinkedHashMap<>(imported.labels());
        read.languages().forEach(language -> {
            if (language.name() != null) {
                names.put(language.code(), language.name());
            }
        });
        String defaultLanguage = imported.defaultLanguage();
        List<SiteSettings.Language> languages = new ArrayList<>();
        languages.add(new SiteSettings.Language(defaultLanguage, names.get(defaultLanguage)));
        for (String code : imported.languages()) {
            if (!code.equals(defaultLanguage) && (withPages.isEmpty() || withPages.contains(code))) {
                languages.add(new SiteSettings.Language(code, names.get(code)));
            }
        }
        return new SiteSettings(read.key(), read.title(), read.tagline(), read.description(), read.url(), read.logo(),
                read.primaryColor(), read.email(), read.privacy(), defaultLanguage, List.copyOf(languages));
    }

    /** The {@code lang} of the defaults for every file ({@code scope.path: ""}). */
    private static String rootDefault(Object defaults) {
        for (Object entry : list(defaults)) {
            Map<?, ?> scope = map(map(entry).get("scope"));
            Object path = scope.get("path");
            if ((path == null || "".equals(path)) && scope.get("type") == null) {
                String lang = code(map(map(entry).get("values")).get("lang"));
                if (lang != null) {
                    return lang;
                }
            }
        }
        return null;
    }

    /** Every {@code lang} the defaults give a folder ({@code fr/}, {@code _posts/fr}), in order. */
    private static List<String> defaultsLanguages(Object defaults) {
        List<String> found = new ArrayList<>();
        for (Object entry : list(defaults)) {
            String lang = code(map(map(entry).get("values")).get("lang"));
            if (lang != null && !found.contains(lang)) {
                found.add(lang);
            }
        }
        return found;
    }

    private static String code(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String code = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return CODE.matcher(code).matches() ? code : null;
    }

    private static String first(Object... values) {
        for (Object value : values) {
            String text = text(value);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = String.valueOf(value).trim();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
