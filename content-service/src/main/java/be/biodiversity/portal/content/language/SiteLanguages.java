package be.biodiversity.portal.content.language;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The languages a site declares, as its last import read them (collection {@code siteLanguages}, one document per
 * site): what page and post languages the content service accepts, and what the site endpoint and the language
 * switch show.
 *
 * @param site            the site key, {@value #DEFAULT_SITE} while there is one site ({@code _id})
 * @param defaultLanguage the language of the unprefixed URLs ({@code algae.rootLang}, {@code default_lang} or
 *                        {@code lang} of {@code _config.yml}, else the {@code lang} of its defaults for every path)
 * @param languages       every language of the site, the default first: those declared ({@code languages} of
 *                        {@code _config.yml}, the keys of {@code _data/languages.yml}, the {@code lang} values of the
 *                        config's defaults) and then those its pages use without declaring them
 * @param labels          a language's name as the site writes it ({@code label} in {@code _data/languages.yml})
 * @param undeclared      languages pages use that the site does not declare (reported as warnings at import)
 * @param source          what the list was read from ({@code import}, or {@code settings} for the fallback)
 */
@Document("siteLanguages")
public record SiteLanguages(@Id String site, String defaultLanguage, List<String> languages,
        Map<String, String> labels, List<String> undeclared, String source, Instant updatedAt) {

    public static final String DEFAULT_SITE = "default";

    public SiteLanguages {
        languages = List.copyOf(languages);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        undeclared = undeclared == null ? List.of() : List.copyOf(undeclared);
    }

    public boolean knows(String lang) {
        return lang != null && languages.contains(lang);
    }
}
