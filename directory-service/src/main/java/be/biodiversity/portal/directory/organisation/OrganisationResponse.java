package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** An organisation as the API shows it. */
record OrganisationResponse(
        String key,
        String slug,
        String acronym,
        Names names,
        Translations descriptions,
        String homepage,
        Set<Role> roles,
        OrganisationType type,
        String country,
        RegistryData registry,
        Long version,
        Instant createdAt,
        Instant modifiedAt) {

    static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(organisation.key(), organisation.slug(), organisation.acronym(),
                organisation.names(),
                organisation.descriptions() == null ? Translations.NONE : organisation.descriptions(),
                organisation.homepage(), Collections.unmodifiableSet(new TreeSet<>(organisation.roles())),
                organisation.type(), organisation.country(), organisation.registry(),
                organisation.version(), organisation.createdAt(), organisation.modifiedAt());
    }
}
