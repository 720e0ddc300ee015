package be.biodiversity.portal.render.directory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of a directory-service organisation that we show. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organisation(String key, String slug, String acronym, Map<String, String> names, String homepage,
        List<String> roles, String type, String country, Map<String, String> descriptions, Registry registry) {

    /** Compact form for the lists of the community page. */
    public Organisation(String key, String slug, String acronym, Map<String, String> names, String homepage) {
        this(key, slug, acronym, names, homepage, null, null, null, null, null);
    }

    /** What the GBIF registry says of the organisation, as far as the publisher page shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Registry(String description, List<String> email, List<String> phone, List<String> address,
            String city, String province, String postalCode, String country, Integer numPublishedDatasets,
            List<Contact> contacts, String logoUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String type, String name, String email, List<String> roles) {
    }

    public List<String> roleList() {
        return this.roles == null ? List.of() : this.roles;
    }

    /** The description in a language, else in English, else the registry's. */
    public String description(String lang) {
        Map<String, String> all = (this.descriptions != null) ? this.descriptions : Map.of();
        if (hasText(all.get(lang))) {
            return all.get(lang);
        }
        if (hasText(all.get(FALLBACK_LANGUAGE))) {
            return all.get(FALLBACK_LANGUAGE);
        }
        return (this.registry != null && hasText(this.registry.description())) ? this.registry.description() : null;
    }

    /** The registry's logo, or null. */
    public String logoUrl() {
        return (this.registry != null) ? this.registry.logoUrl() : null;
    }

    public int datasets() {
        return (this.registry != null && this.registry.numPublishedDatasets() != null)
                ? this.registry.numPublishedDatasets() : 0;
    }

    private static final String FALLBACK_LANGUAGE = "en";

    /** The name in a language, else in English, else in any language, else the acronym or slug. */
    public String name(String lang) {
        Map<String, String> all = (this.names != null) ? this.names : Map.of();
        if (hasText(all.get(lang))) {
            return all.get(lang);
        }
        if (hasText(all.get(FALLBACK_LANGUAGE))) {
            return all.get(FALLBACK_LANGUAGE);
        }
        return all.values()
            .stream()
            .filter(Organisation::hasText)
            .findFirst()
            .orElse(hasText(this.acronym) ? this.acronym : this.slug);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

}
