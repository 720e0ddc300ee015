package be.biodiversity.portal.render.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import be.biodiversity.portal.render.cache.PagePaths;

/**
 * The site's languages and how they show in URLs: the default language has no prefix
 * ({@code /community}), the others have their code as first path segment ({@code /nl/community}). They are the
 * site's own ({@link Site#languages()}, from content-service), not a setting of this service: a site written in
 * English and Danish has {@code /da/...}, one in English, Dutch and French {@code /nl/...} and {@code /fr/...}.
 * Read after {@link SiteFilter} has read the request's site.
 */
@Component
public class SiteLanguages implements PagePaths {

    private final Supplier<Site> site;

    @Autowired
    public SiteLanguages(Sites sites) {
        this(sites::known);
    }

    private SiteLanguages(Supplier<Site> site) {
        this.site = site;
    }

    /** The languages of one site, e.g. for a test. */
    public static SiteLanguages of(Site site) {
        return new SiteLanguages(() -> site);
    }

    /** The site they are the languages of. */
    public Site site() {
        return this.site.get();
    }

    /** The page a request's raw (percent-encoded) path names: decoded, normalised, with its language. */
    @Override
    public String requestKey(String rawPath) {
        return ofRequest(rawPath).path();
    }

    @Override
    public String permalinkKey(String permalink) {
        return resolve(permalink).path();
    }

    @Override
    public String siteKey() {
        return site().key();
    }

    public SitePath ofRequest(String rawPath) {
        String decoded;
        try {
            decoded = UriUtils.decode(rawPath == null ? "" : rawPath, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            decoded = rawPath;
        }
        return resolve(decoded);
    }

    /** Normalises a decoded request path and works out its language. */
    public SitePath resolve(String requestPath) {
        String path = normalise(requestPath);
        String firstSegment = path.substring(1).split("/", 2)[0];
        Site current = this.site.get();
        String language = current.others().contains(firstSegment) ? firstSegment : current.defaultLanguage();
        return new SitePath(language, path);
    }

    /**
     * The language a route's optional {@code {lang}} segment names: the default language without one, null when it
     * is not one of the site's other languages (the page is a 404).
     */
    public String ofRoute(String prefix) {
        if (prefix == null) {
            return defaultLanguage();
        }
        return all().contains(prefix) && !prefix.equals(defaultLanguage()) ? prefix : null;
    }

    /** The path prefix of a language: none for the default language, {@code /nl} for Dutch. */
    public String prefix(String language) {
        return language.equals(defaultLanguage()) ? "" : "/" + language;
    }

    /** The home page of a language: {@code /} for the default language, {@code /nl} for Dutch. */
    public String home(String language) {
        return this.site.get().home(language);
    }

    /** Default language first, then the others, in configured order. */
    public List<String> all() {
        return this.site.get().languages();
    }

    public String defaultLanguage() {
        return this.site.get().defaultLanguage();
    }

    /** A language's name in itself ({@code Nederlands}), for the language switch. */
    public String nameOf(String language) {
        return this.site.get().nameOf(language);
    }

    /**
     * Whether a normalised path can name a page at all: no control characters (C0, DEL, C1), no backslash, no
     * {@code ..} segment. Anything else is not a spelling of a page; it is answered 404 without asking for it, and
     * never becomes a canonical link.
     */
    public static boolean isClean(String path) {
        return PagePaths.isClean(path);
    }

    /** One spelling per page: a leading slash, no empty or {@code .} segments, no trailing slash. */
    static String normalise(String requestPath) {
        String path = (requestPath == null) ? "" : requestPath;
        StringBuilder normal = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                normal.append('/').append(segment);
            }
        }
        return normal.isEmpty() ? "/" : normal.toString();
    }

}
