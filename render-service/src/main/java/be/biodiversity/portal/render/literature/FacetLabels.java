package be.biodiversity.portal.render.literature;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How facet values read in the page's language: country names, yes/no, and GBIF's codes made readable. */
@Component
class FacetLabels {

    static final List<String> SHOWN = List.of("literatureType", "topics", "year", "countriesOfCoverage",
            "openAccess", "peerReview");

    private final MessageSource messages;

    FacetLabels(MessageSource messages) {
        this.messages = messages;
    }

    String value(String lang, String field, String value) {
        if (value == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(lang);
        return switch (field) {
            case "countriesOfCoverage" -> new Locale("", value).getDisplayCountry(locale);
            case "openAccess", "peerReview" -> messages.getMessage("literature.filter." + value, null, value, locale);
            case "literatureType", "topics" -> messages.getMessage("literature.code." + value, null, readable(value),
                    locale);
            default -> value;
        };
    }

    /** BIODIVERSITY_SCIENCE → Biodiversity science. */
    static String readable(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
