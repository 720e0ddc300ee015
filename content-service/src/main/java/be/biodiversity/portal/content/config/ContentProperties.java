package be.biodiversity.portal.content.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param languages      the site's languages, the default one first
 * @param loadDemo       load the demo pages shipped in the jar when the database holds no page
 * @param maxBodyLength  the longest markdown body accepted, in characters
 */
@ConfigurationProperties("portal.content")
public record ContentProperties(List<String> languages, Boolean loadDemo, Integer maxBodyLength) {

    public ContentProperties {
        languages = languages == null || languages.isEmpty() ? List.of("en", "nl", "fr") : List.copyOf(languages);
        loadDemo = loadDemo == null || loadDemo;
        maxBodyLength = maxBodyLength == null ? 200_000 : maxBodyLength;
    }

    public String defaultLanguage() {
        return languages.get(0);
    }
}
