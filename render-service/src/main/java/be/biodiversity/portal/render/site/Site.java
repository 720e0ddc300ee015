package be.biodiversity.portal.render.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import be.biodiversity.portal.render.content.SiteSettings;

/**
 * The site a request is for, as render-service uses it: its identity (title, tagline, description, contact,
 * privacy owner), its public base URL, and its languages with their names. Built from content-service's answer
 * ({@link SiteSettings}); nothing in it is the portal's own.
 *
 * @param key             the site's key
 * @param title           its title (header, {@code <title>}, feed, Open Graph site name)
 * @param tagline         a short line beside the title, or null
 * @param description     its description (the home page's meta description when the page has none), or null
 * @param baseUrl         its public origin without a trailing slash, for canonical, hreflang, feed and sitemap URLs
 * @param email           its contact address, or null
 * @param privacyOwner    who is responsible for the data it processes, or null (then its title)
 * @param privacyEmail    where visitors write about their data, or null
 * @param defaultLanguage served without a prefix
 * @param languages       every language, the default first
 * @param names           each language's name in itself
 */
public record Site(String key, String title, String tagline, String description, String baseUrl, String email,
        String privacyOwner, String privacyEmail, String defaultLanguage, List<String> languages,
        Map<String, String> names) {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"'()]{1,64}@[A-Za-z0-9.-]{1,253}");

    /** The languages the interface is shipped in ({@code messages_*.properties}), English first. */
    static final List<String> SHIPPED = List.of("en", "nl", "fr", "de", "it", "es", "pt", "da", "nb", "sv");

    private static final String UNKNOWN = "(unknown)";

    /** Where pages live when neither the portal nor the site says: the gateway on this machine. */
    static final String LOCAL_BASE_URL = "http://localhost:8080";

    /**
     * The site content-service describes. {@code configuredBaseUrl} ({@code portal.site-url}), when set, is the
     * public origin; else the site's own {@code url}; else {@link #LOCAL_BASE_URL}. Never the request's Host.
     */
    public static Site of(SiteSettings settings, URI configuredBaseUrl) {
        List<String> codes = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        String defaultLanguage = code(settings.defaultLanguage());
        if (defaultLanguage != null) {
            codes.add(defaultLanguage);
        }
        for (SiteSettings.Language language : settings.languages()) {
            String code = code(language == null ? null : language.code());
            if (code != null && !codes.contains(code)) {
                codes.add(code);
            }
            if (code != null && language.name() != null && !language.name().isBlank()) {
                names.put(code, language.name().strip());
            }
        }
        if (codes.isEmpty()) {
            codes.add("en");
        }
        codes.forEach((code) -> names.computeIfAbsent(code, Site::autonym));
        String title = text(settings.title());
        String baseUrl = baseUrl(configuredBaseUrl, settings.url());
        if (title == null) {
            title = URI.create(baseUrl).getRawAuthority();
        }
        SiteSettings.Privacy privacy = settings.privacy() == null ? new SiteSettings.Privacy(null, null)
                : settings.privacy();
        return new Site(settings.key() == null ? "default" : settings.key(), title, text(settings.tagline()),
                text(settings.description()), baseUrl, email(settings.email()), text(privacy.name()),
                email(privacy.contactEmail()), codes.get(0), List.copyOf(codes), Map.copyOf(names));
    }

    /**
     * Before content-service has described the site (it is down at start, or too old to have the endpoint): English
     * first, then every language the interface is shipped in, so that a visitor's {@code /nl/...} still gets its
     * error page in Dutch; named by the base URL's host. {@link #described()} is false: no language switch is shown.
     */
    public static Site unknown(URI configuredBaseUrl) {
        List<SiteSettings.Language> shipped = SHIPPED.stream().map((code) -> new SiteSettings.Language(code, null))
            .toList();
        Site site = of(new SiteSettings(UNKNOWN, null, null, null, null, null, null, null, null, "en", shipped),
                configuredBaseUrl);
        return site;
    }

    /** Whether content-service described this site (else it is {@link #unknown}). */
    public boolean described() {
        return !UNKNOWN.equals(this.key);
    }

    /** The languages but the default, in the site's order: each is the first path segment of its pages. */
    public List<String> others() {
        return this.languages.subList(1, this.languages.size());
    }

    /** The home page of a language: {@code /} for the default language, {@code /nl} for Dutch. */
    public String home(String language) {
        return language.equals(this.defaultLanguage) || !this.languages.contains(language) ? "/" : "/" + language;
    }

    /** {@code ""} for the default language, else {@code /nl}: what goes before a path in that language. */
    public String prefix(String language) {
        return home(language).equals("/") ? "" : home(language);
    }

    /** The language's name in itself ({@code Nederlands}), as the site gives it, else as the JDK knows it. */
    public String nameOf(String language) {
        String name = this.names.get(language);
        return name != null ? name : autonym(language);
    }

    /** The absolute URL of a site path ({@code /nl/community}). */
    public String absolute(String path) {
        return this.baseUrl + (path == null || path.isEmpty() ? "/" : path);
    }

    /** A language's name in the language a visitor reads ({@code Engels} for a Dutch reader), for sentences. */
    public String nameIn(String language, Locale reader) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayName(reader == null ? Locale.ENGLISH : reader);
        return name.isBlank() || name.equalsIgnoreCase(language) ? nameOf(language) : name;
    }

    /** An absolute URL for a site path or an http(s) URL ({@code og:image}); null for anything else. */
    public String absoluteUrl(String url) {
        String safe = SafeUrls.image(url);
        if (safe == null) {
            return null;
        }
        if (safe.startsWith("http://") || safe.startsWith("https://")) {
            return safe;
        }
        return safe.startsWith("/") ? this.baseUrl + safe : null;
    }

    /**
     * The canonical URL of a page with these language versions: the version in the language read, without its query
     * string (a search with filters is a view of its search page; a visitor's query never becomes a canonical link).
     */
    public String canonical(List<?> versions, Locale current) {
        String reading = current == null ? this.defaultLanguage : current.toLanguageTag().toLowerCase(Locale.ROOT);
        String version = LanguageSwitch.version(versions, reading);
        if (version == null) {
            return null;
        }
        int query = version.indexOf('?');
        return absolute(query < 0 ? version : version.substring(0, query));
    }

    /** Open Graph's form of a language ({@code nl}, {@code zh_TW}). */
    public static String ogLocale(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    /** The language switch of a page with these language versions (records with {@code lang} and {@code href}). */
    public List<LanguageSwitch.Entry> switchFor(List<?> versions, Locale current) {
        return LanguageSwitch.entries(this, versions, current);
    }

    /** The {@code hreflang} alternates of a page with these language versions: absolute, {@code x-default} too. */
    public List<LanguageSwitch.Alternate> alternates(List<?> versions) {
        return LanguageSwitch.alternates(this, versions);
    }

    /** The {@code <title>} of a page: its own title and the site's, or the site's alone (its home page). */
    public String pageTitle(String title) {
        return title == null || title.isBlank() || title.strip().equals(this.title) ? this.title
                : title.strip() + " | " + this.title;
    }

    /** Open Graph's {@code og:locale} of the language a visitor reads. */
    public String ogLocaleOf(Locale locale) {
        return ogLocale(locale == null ? this.defaultLanguage : locale.toLanguageTag());
    }

    /** {@link #prefix} of the language a visitor reads. */
    public String prefixOf(Locale locale) {
        return locale == null ? "" : prefix(locale.toLanguageTag().toLowerCase(Locale.ROOT));
    }

    /** The {@code og:locale:alternate} values: every other language of the site. */
    public List<String> ogAlternates(Locale current) {
        String reading = current == null ? this.defaultLanguage : current.toLanguageTag().toLowerCase(Locale.ROOT);
        return this.languages.stream().filter((lang) -> !lang.equals(reading)).map(Site::ogLocale).toList();
    }

    /** Who runs the site, for the privacy page: its privacy owner, else its title. */
    public String operator() {
        return this.privacyOwner != null ? this.privacyOwner : this.title;
    }

    /** Where visitors write about their data: the privacy contact, else the site's contact, else null. */
    public String privacyContact() {
        return this.privacyEmail != null ? this.privacyEmail : this.email;
    }

    private static String baseUrl(URI configured, String own) {
        String chosen = origin(configured == null ? null : configured.toString());
        if (chosen == null) {
            chosen = origin(own);
        }
        return chosen == null ? LOCAL_BASE_URL : chosen;
    }

    /**
     * An http(s) URL with an authority and nothing but a path, without its trailing slash; else null. The authority
     * is checked, not the host: {@code template_site.hp.gbif.org} is a real hosted portal's name, and
     * {@link URI#getHost()} refuses underscores.
     */
    private static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            String authority = uri.getRawAuthority();
            if (!web || authority == null || authority.isEmpty() || authority.contains("@")
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT) + path;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String autonym(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayName(locale);
        if (name.isBlank() || name.equalsIgnoreCase(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static String code(String value) {
        if (value == null) {
            return null;
        }
        String code = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return CODE.matcher(code).matches() ? code : null;
    }

    private static String email(String value) {
        String text = text(value);
        return text != null && EMAIL.matcher(text).matches() ? text : null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
