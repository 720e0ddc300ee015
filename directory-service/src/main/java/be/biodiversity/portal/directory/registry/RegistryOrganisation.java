package be.biodiversity.portal.directory.registry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import be.biodiversity.portal.directory.organisation.Contact;
import be.biodiversity.portal.directory.organisation.RegistryData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An organisation as the GBIF registry answers it, with just the fields the directory keeps (see
 * https://api.gbif.org/v1/organization). Dates stay text here: the registry writes offsets as {@code +00:00}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistryOrganisation(String key, String title, String abbreviation, String description, List<String> homepage,
        List<String> email, List<String> phone, String logoUrl, List<String> address, String city, String province,
        String postalCode, String country, Double latitude, Double longitude, String endorsingNodeKey,
        Boolean endorsementApproved, Integer numPublishedDatasets, List<RegistryContact> contacts, String created,
        String modified) {

    /** The registry's data, for the organisation of {@link #key()}; a date that cannot be read is an error. */
    RegistryData data() {
        return new RegistryData(title, abbreviation, description, homepage, email, phone, logoUrl, address, city,
                province, postalCode, country, latitude, longitude, endorsingNodeKey, endorsementApproved,
                numPublishedDatasets,
                contacts == null ? null : contacts.stream().map(RegistryContact::contact).toList(),
                instant("created", created), instant("modified", modified), null);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException notWithOffset) {
            try {
                return Instant.parse(text);
            }
            catch (DateTimeParseException ex) {
                throw new InvalidRecord(field, "must be an ISO-8601 date and time, not '" + text + "'");
            }
        }
    }

    /** A contact as the registry has it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryContact(String type, String firstName, String lastName, List<String> email,
            List<String> position) {

        Contact contact() {
            String name = String.join(" ", java.util.stream.Stream.of(firstName, lastName)
                    .filter(part -> part != null && !part.isBlank()).map(String::strip).toList());
            return new Contact(type, name.isEmpty() ? null : name,
                    email == null || email.isEmpty() ? null : email.get(0), position);
        }
    }

    /** A field of a registry record that cannot be used. */
    static final class InvalidRecord extends RuntimeException {

        private final String field;

        InvalidRecord(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
