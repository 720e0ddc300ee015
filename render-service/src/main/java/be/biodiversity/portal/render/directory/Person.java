package be.biodiversity.portal.render.directory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a directory-service person that we show: node staff and contacts.
 *
 * @param roles   what the person does, as directory-service has it ("Node manager")
 * @param bio     a short text per language ({@code en}, {@code fr}, {@code nl}), each may be null
 * @param current false for former staff
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String key, String slug, String name, List<String> categories, List<String> roles,
        Map<String, String> bio, String photoUrl, Boolean current) {

    public List<String> roleList() {
        return (this.roles != null) ? this.roles : List.of();
    }

    /** Current unless directory-service says otherwise. */
    public boolean isCurrent() {
        return this.current == null || this.current;
    }

    /** The bio in a language, else in English, else null. */
    public String bio(String lang) {
        Map<String, String> all = (this.bio != null) ? this.bio : Map.of();
        String text = all.get(lang);
        if (text == null || text.isBlank()) {
            text = all.get("en");
        }
        return (text == null || text.isBlank()) ? null : text;
    }
}
