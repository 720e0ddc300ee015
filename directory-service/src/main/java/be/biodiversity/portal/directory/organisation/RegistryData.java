package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/**
 * What the GBIF registry says about an organisation, with the registry's own field names: {@code homepage},
 * {@code email}, {@code phone} and {@code address} are lists there. A registry import replaces all of it; the portal's
 * own fields of the organisation stay as editors left them. {@code numOccurrences} is not a registry field: the
 * publisher sync counts the occurrences each organisation published (GBIF's occurrence search); an import that does
 * not know it leaves the last count.
 */
public record RegistryData(
        @Size(max = 500) String title,
        @Size(max = 100) String abbreviation,
        @Size(max = 20000) String description,
        List<@Size(max = 500) @URL(regexp = "https?://.+", message = "must be an http or https URL") String> homepage,
        List<@Email @Size(max = 300) String> email,
        List<@Size(max = 100) String> phone,
        @Size(max = 1000) @URL(regexp = "https?://.+", message = "must be an http or https URL") String logoUrl,
        List<@Size(max = 500) String> address,
        @Size(max = 200) String city,
        @Size(max = 200) String province,
        @Size(max = 50) String postalCode,
        @CountryCode String country,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Pattern(regexp = OrganisationRequest.UUID, message = "must be a UUID in lower case") String endorsingNodeKey,
        Boolean endorsementApproved,
        @PositiveOrZero Integer numPublishedDatasets,
        List<@Valid Contact> contacts,
        Instant created,
        Instant modified,
        @PositiveOrZero Long numOccurrences) {

    /** These data with the organisation's occurrence count (GBIF's occurrence search, not the registry). */
    public RegistryData withOccurrences(Long count) {
        return new RegistryData(title, abbreviation, description, homepage, email, phone, logoUrl, address, city,
                province, postalCode, country, latitude, longitude, endorsingNodeKey, endorsementApproved,
                numPublishedDatasets, contacts, created, modified, count);
    }

    /** The number of published datasets, 0 when unknown. */
    public int datasets() {
        return numPublishedDatasets == null ? 0 : numPublishedDatasets;
    }

    public boolean endorsed() {
        return Boolean.TRUE.equals(endorsementApproved);
    }
}
