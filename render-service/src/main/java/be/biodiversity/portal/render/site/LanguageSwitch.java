package be.biodiversity.portal.render.site;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language switch and the {@code hreflang} alternates of a page, from its language versions: the records each
 * page kind has for them ({@code lang}, {@code href}: a site path). Every page shows the switch, with every language
 * of the site: a language the page exists in links to that version, any other to that language's home page (a 404, a
 * page not translated yet). The alternates name only the versions that exist, absolute, with {@code x-default} for
 * the default language's.
 */
public final class LanguageSwitch {

    /**
     * @param lang    the language's code
     * @param name    its name in itself
     * @param href    the page in that language, else that language's home page
     * @param current the language the visitor reads now
     * @param version the page exists in that language ({@code href} is it)
     */
    public record Entry(String lang, String name, String href, boolean current, boolean version) {

        /** {@code aria-current="page"}: the visitor is on this very page. */
        public boolean here() {
            return this.current && this.version;
        }
    }

    /** @param href an absolute URL */
    public record Alternate(String hreflang, String href) {
    }

    private LanguageSwitch() {
    }

    /** One entry per language of the site, in its order; empty when it has one language only. */
    static List<Entry> entries(Site site, List<?> versions, Locale current) {
        if (site.languages().size() < 2 || !site.described()) {
            return List.of();
        }
        Map<String, String> byLanguage = versions(versions);
        String reading = current == null ? site.defaultLanguage() : current.toLanguageTag().toLowerCase(Locale.ROOT);
        List<Entry> entries = new ArrayList<>();
        for (String lang : site.languages()) {
            String version = byLanguage.get(lang);
            entries.add(new Entry(lang, site.nameOf(lang), version != null ? version : site.home(lang),
                    lang.equals(reading), version != null));
        }
        return entries;
    }

    /** The versions as {@code hreflang} alternates, absolute, with {@code x-default}; none for a page in one language. */
    static List<Alternate> alternates(Site site, List<?> versions) {
        Map<String, String> byLanguage = versions(versions);
        List<Alternate> alternates = new ArrayList<>();
        if (byLanguage.size() < 2 || !site.described()) {
            return alternates;
        }
        for (String lang : site.languages()) {
            String href = byLanguage.get(lang);
            if (href != null) {
                alternates.add(new Alternate(lang, site.absolute(href)));
                if (lang.equals(site.defaultLanguage())) {
                    alternates.add(new Alternate("x-default", site.absolute(href)));
                }
            }
        }
        return alternates;
    }

    /** The version in one language, or null. */
    static String version(List<?> versions, String lang) {
        return versions(versions).get(lang);
    }

    /** Reads {@code lang} and {@code href} of each record; only site paths are kept. */
    private static Map<String, String> versions(List<?> versions) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        if (versions == null) {
            return byLanguage;
        }
        for (Object version : versions) {
            String lang = component(version, "lang");
            String href = component(version, "href");
            if (lang != null && href != null && SafeUrls.isSitePath(href)) {
                byLanguage.putIfAbsent(lang, href);
            }
        }
        return byLanguage;
    }

    private static String component(Object record, String name) {
        if (record == null || !record.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name) && component.getType() == String.class) {
                try {
                    component.getAccessor().setAccessible(true);
                    return (String) component.getAccessor().invoke(record);
                }
                catch (ReflectiveOperationException | RuntimeException ex) {
                    return null;
                }
            }
        }
        return null;
    }
}
