package be.biodiversity.portal.gateway.fallback;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.languages.*}, as render-service has them: the default language has no URL prefix, the others
 * are the first path segment.
 */
@ConfigurationProperties("portal.languages")
record LanguageProperties(@DefaultValue("en") String defaultLanguage, @DefaultValue({ "nl", "fr" }) List<String> others) {

    /** The language of a page path: its first segment when that is one of the others, else the default. */
    String of(String path) {
        String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        return this.others.contains(first) ? first : this.defaultLanguage;
    }

    String home(String language) {
        return this.others.contains(language) ? "/" + language : "/";
    }
}
