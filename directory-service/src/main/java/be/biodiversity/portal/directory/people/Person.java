package be.biodiversity.portal.directory.people;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import be.biodiversity.portal.directory.organisation.Translations;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person as stored in the {@code people} collection. {@code sortName} is the name folded for sorting; never shown.
 *
 * @param roles           what the person does, as shown ("Node manager", "Data publisher contact")
 * @param organisationKey the key of the organisation the person works for, if it is in the directory
 * @param current         false for former staff and contacts, who stay listed as such
 */
@Document("people")
record Person(@Id String key, @Indexed(unique = true) String slug, String name, Set<PersonCategory> categories,
        List<String> roles, Translations bio, String photoUrl, String email, String organisationKey, boolean current,
        @Indexed String sortName, @Version Long version, Instant createdAt, Instant modifiedAt) {

    static Person create(String key, PersonRequest request, Instant now) {
        return new Person(key, request.slug(), request.name(), Set.copyOf(request.categories()), roles(request),
                request.bio(), request.photoUrl(), request.email(), request.organisationKey(), request.isCurrent(),
                request.sortKey(), null, now, now);
    }

    Person update(PersonRequest request, Instant now) {
        return new Person(key, request.slug(), request.name(), Set.copyOf(request.categories()), roles(request),
                request.bio(), request.photoUrl(), request.email(), request.organisationKey(), request.isCurrent(),
                request.sortKey(), version, createdAt, now);
    }

    private static List<String> roles(PersonRequest request) {
        return request.roles() == null ? List.of() : List.copyOf(request.roles());
    }
}
