package be.biodiversity.portal.content.data;

import java.util.List;

/**
 * Who the site is and which languages it speaks, as its own {@code _config.yml} and {@code _data/languages.yml}
 * say: what render-service shows in every page's header, head, footer, feed and privacy page, and the languages it
 * serves. Keyed by site ({@link #key()}), so a second site only adds one.
 *
 * @param key             the site's key ({@code default} while one site is served)
 * @param title           {@code title}
 * @param tagline         {@code tagline}: a short line beside the title, or null
 * @param description     {@code description}
 * @param url             {@code url}: the site's public origin, or null
 * @param logo            {@code algae.logo} (a site path or URL), or null
 * @param primaryColor    {@code algae.style.colors.primary} when it is a hex colour, else null
 * @param email           {@code email}: the site's contact address, or null
 * @param privacy         the privacy owner ({@code privacy.name}/{@code contactEmail}, as the theme's
 *                        standardPrivacy layout reads them; also found at the top level)
 * @param defaultLanguage served without a path prefix ({@code algae.rootLang}, else the language of the defaults
 *                        for all files)
 * @param languages       the default language first, then the others in the order the site declares them; only
 *                        languages the site has published pages in (and the default), so a language declared but
 *                        never written is no address of the site
 */
public record SiteSettings(String key, String title, String tagline, String description, String url, String logo,
        String primaryColor, String email, Privacy privacy, String defaultLanguage, List<Language> languages) {

    /** The one site served today. */
    public static final String DEFAULT_KEY = "default";

    /** @param name the organisation responsible for the site; {@code contactEmail} whom to write to */
    public record Privacy(String name, String contactEmail) {
    }

    /**
     * @param code  the language's code as it shows in URLs ({@code nl}, {@code zh-tw})
     * @param name  its name in itself, from {@code _data/languages.yml} ({@code label}), else null (the reader names it)
     */
    public record Language(String code, String name) {
    }

    /** The codes of {@link #languages()}, the default first. */
    public List<String> codes() {
        return languages.stream().map(Language::code).toList();
    }
}
