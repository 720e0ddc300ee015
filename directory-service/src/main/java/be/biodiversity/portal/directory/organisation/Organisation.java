package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation as stored in the {@code organisations} collection. {@code sortName} is the English name folded
 * for case- and accent-insensitive sorting (the embedded MongoDB has no collations); it is never shown.
 */
@Document("organisations")
record Organisation(
        @Id String key,
        @Indexed(unique = true) String slug,
        String acronym,
        Names names,
        String homepage,
        Set<Role> roles,
        OrganisationType type,
        String country,
        @Indexed String sortName,
        @Version Long version,
        Instant createdAt,
        Instant modifiedAt) {

    /** A new organisation; MongoDB inserts it with version 0. */
    static Organisation create(String key, OrganisationRequest request, Instant now) {
        return new Organisation(key, request.slug(), request.acronym(), request.names(), request.homepage(),
                Set.copyOf(request.roles()), request.type(), request.country(), request.names().sortKey(), null,
                now, now);
    }

    /** This organisation with the fields of the request; key, version and creation time stay. */
    Organisation update(OrganisationRequest request, Instant now) {
        return new Organisation(key, request.slug(), request.acronym(), request.names(), request.homepage(),
                Set.copyOf(request.roles()), request.type(), request.country(), request.names().sortKey(), version,
                createdAt, now);
    }
}
