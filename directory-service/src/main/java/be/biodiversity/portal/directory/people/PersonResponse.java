package be.biodiversity.portal.directory.people;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import be.biodiversity.portal.directory.organisation.Translations;

/** A person as the API shows it to an editor: every field. */
record PersonResponse(String key, String slug, String name, Set<PersonCategory> categories, List<String> roles,
        Translations bio, String photoUrl, String email, String organisationKey, boolean current, Long version,
        Instant createdAt, Instant modifiedAt) implements PersonView {

    static PersonResponse of(Person person) {
        return new PersonResponse(person.key(), person.slug(), person.name(), new TreeSet<>(person.categories()),
                person.roles(), person.bio() == null ? Translations.NONE : person.bio(), person.photoUrl(),
                person.email(), person.organisationKey(), person.current(), person.version(), person.createdAt(),
                person.modifiedAt());
    }
}
