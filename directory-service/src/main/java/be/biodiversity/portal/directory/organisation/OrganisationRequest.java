package be.biodiversity.portal.directory.organisation;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/**
 * An organisation as a client sends it to create ({@code POST}) or replace ({@code PUT}) one.
 *
 * @param key     optional on create (a random UUID is chosen when absent); on update, if sent, the key of the URL
 * @param descriptions optional, per language
 * @param registry what the GBIF registry says about the organisation; optional, replaced by a registry import
 * @param version ignored on create; required on update: the version the client read (optimistic locking)
 */
public record OrganisationRequest(
        @Pattern(regexp = UUID, message = "must be a UUID in lower case") String key,
        @NotBlank @Size(max = 100)
        @Pattern(regexp = SLUG, message = "must be lowercase letters and digits, words joined by single hyphens")
        String slug,
        @Size(max = 30) String acronym,
        @NotNull @Valid Names names,
        @Valid Translations descriptions,
        @Size(max = 500) @URL(regexp = "https?://.+", message = "must be an http or https URL") String homepage,
        @NotEmpty Set<@NotNull Role> roles,
        @NotNull OrganisationType type,
        @CountryCode String country,
        @Valid RegistryData registry,
        Long version) {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    /** This request with the given key, for callers that choose keys themselves (such as the seed). */
    public OrganisationRequest withKey(String key) {
        return new OrganisationRequest(key, slug, acronym, names, descriptions, homepage, roles, type, country,
                registry, version);
    }
}
