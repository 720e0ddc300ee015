package be.biodiversity.portal.directory.people;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import be.biodiversity.portal.directory.organisation.Translations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/**
 * A person as a client sends it to create ({@code POST}) or replace ({@code PUT}) one.
 *
 * @param current true unless sent false (former staff)
 * @param version ignored on create; required on update
 */
record PersonRequest(
        @Pattern(regexp = UUID, message = "must be a UUID in lower case") String key,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lowercase letters and digits, words joined by single hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty Set<@NotNull PersonCategory> categories,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> roles,
        @Valid Translations bio,
        @Size(max = 1000) @URL(regexp = "https?://.+", message = "must be an http or https URL") String photoUrl,
        @Email @Size(max = 300) String email,
        @Pattern(regexp = UUID, message = "must be a UUID in lower case") String organisationKey,
        Boolean current,
        Long version) {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    boolean isCurrent() {
        return current == null || current;
    }

    String sortKey() {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
