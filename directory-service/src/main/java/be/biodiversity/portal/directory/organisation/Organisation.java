package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation as stored in the {@code organisations} collection: the portal's own fields, and {@code registry},
 * what the GBIF registry says about it ({@code null} for an organisation the registry does not know).
 * {@code sortName} is the English name folded for case- and accent-insensitive sorting (the embedded MongoDB has
 * no collations); it is never shown.
 */
@Document("organisations")
record Organisation(
        @Id String key,
        @Indexed(unique = true) String slug,
        String acronym,
        Names names,
        Translations descriptions,
        String homepage,
        Set<Role> roles,
        OrganisationType type,
        String country,
        RegistryData registry,
        @Indexed String sortName,
        @Version Long version,
        Instant createdAt,
        Instant modifiedAt) {

    /** A new organisation; MongoDB inserts it with version 0. */
    static Organisation create(String key, OrganisationRequest request, Instant now) {
        return new Organisation(key, request.slug(), request.acronym(), request.names(), request.descriptions(),
                request.homepage(), Set.copyOf(request.roles()), request.type(), request.country(), request.registry(),
                request.names().sortKey(), null, now, now);
    }

    /**
     * This organisation with the fields of the request; key, version and creation time stay, and so does the registry
     * data when the request leaves it out (it is the registry import's to write).
     */
    Organisation update(OrganisationRequest request, Instant now) {
        return new Organisation(key, request.slug(), request.acronym(), request.names(), request.descriptions(),
                request.homepage(), Set.copyOf(request.roles()), request.type(), request.country(),
                request.registry() != null ? request.registry() : registry, request.names().sortKey(), version,
                createdAt, now);
    }

    /** This organisation with new registry data; the portal's own fields stay. */
    Organisation withRegistry(RegistryData data, Instant now) {
        return new Organisation(key, slug, acronym, names, descriptions, homepage, roles, type, country, data,
                sortName, version, createdAt, now);
    }
}
