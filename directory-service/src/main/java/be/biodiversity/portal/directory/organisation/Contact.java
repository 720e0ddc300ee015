package be.biodiversity.portal.directory.organisation;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A contact of an organisation, as in the GBIF registry.
 *
 * @param type  the registry's contact type, such as {@code ADMINISTRATIVE_POINT_OF_CONTACT}
 * @param name  first and last name
 * @param email one address
 * @param roles the positions the contact holds ({@code position} in the registry)
 */
public record Contact(@Size(max = 100) String type, @Size(max = 300) String name, @Email @Size(max = 300) String email,
        List<@Size(max = 300) String> roles) {
}
