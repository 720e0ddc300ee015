package be.biodiversity.portal.directory.people;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import be.biodiversity.portal.directory.organisation.Translations;

/**
 * A person as anyone may see it: what the portal's pages show of node staff and contacts (name, photo, roles, bio,
 * current or former), and nothing else. The e-mail address, the organisation worked for and the bookkeeping
 * ({@code version}, {@code createdAt}, {@code modifiedAt}) are for editors; so is everything a future field adds,
 * since this record names what is public instead of what is private.
 */
record PublicPerson(String key, String slug, String name, Set<PersonCategory> categories, List<String> roles,
        Translations bio, String photoUrl, boolean current) implements PersonView {

    static PublicPerson of(Person person) {
        return new PublicPerson(person.key(), person.slug(), person.name(), new TreeSet<>(person.categories()),
                person.roles(), person.bio() == null ? Translations.NONE : person.bio(), person.photoUrl(),
                person.current());
    }
}
