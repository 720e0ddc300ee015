package be.biodiversity.portal.render.site;

import java.util.ArrayList;
import java.util.List;

import be.biodiversity.portal.render.config.PortalProperties;

import org.springframework.stereotype.Component;

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

    private static String normalise(String requestPath) {
        String path = (requestPath == null || requestPath.isEmpty()) ? "/" : requestPath;
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

}
