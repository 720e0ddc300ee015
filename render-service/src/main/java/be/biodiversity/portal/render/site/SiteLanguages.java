package be.biodiversity.portal.render.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import be.biodiversity.portal.render.config.PortalProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The site's languages and how they show in URLs: the default language has no prefix
 * ({@code /community}), the others have their code as first path segment ({@code /nl/community}).
 */
@Component
public class SiteLanguages {

    private final String defaultLanguage;

    private final List<String> others;

    public SiteLanguages(PortalProperties properties) {
        this.defaultLanguage = properties.languages().defaultLanguage();
        this.others = List.copyOf(properties.languages().others());
    }

    /** The page a request's raw (percent-encoded) path names: decoded, normalised, with its language. */
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
        String language = this.others.contains(firstSegment) ? firstSegment : this.defaultLanguage;
        return new SitePath(language, path);
    }

    /** The home page of a language: {@code /} for the default language, {@code /nl} for Dutch. */
    public String home(String language) {
        return this.others.contains(language) ? "/" + language : "/";
    }

    /** Default language first, then the others, in configured order. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(this.defaultLanguage);
        all.addAll(this.others);
        return all;
    }

    public String defaultLanguage() {
        return this.defaultLanguage;
    }

    /**
     * Whether a normalised path can name a page at all: no control characters (C0, DEL, C1), no backslash, no
     * {@code ..} segment. Anything else is not a spelling of a page; it is answered 404 without asking for it, and
     * never becomes a canonical link.
     */
    public static boolean isClean(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < ' ' || (c >= 0x7F && c <= 0x9F) || c == '\\' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return !path.equals("/..") && !path.contains("/../") && !path.endsWith("/..");
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
