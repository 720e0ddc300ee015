package be.biodiversity.portal.directory.people;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import be.biodiversity.portal.directory.organisation.Translations;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.util.retry.Retry;

/**
 * Brings the GBIF node's contacts into the people of the directory, merged with the people editors made by e-mail
 * (ignoring case), else by name for a contact without e-mail. A person editors made keeps everything they wrote: the
 * sync only adds the category, and the e-mail and roles where the person has none. A new person is current, with a
 * slug from the name.
 */
@Component
public class NodePeople {

    /** What an upsert did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * A contact of the node, with the public fields the directory keeps.
     *
     * @param staff works for the node (a node manager or node staff) rather than representing it
     */
    public record NodeContact(@NotBlank @Size(max = 200) String name, @Email @Size(max = 300) String email,
            @Size(max = 10) List<@Size(max = 200) String> roles, boolean staff) {
    }

    private final PersonRepository repository;
    private final ReactiveMongoTemplate mongo;

    NodePeople(PersonRepository repository, ReactiveMongoTemplate mongo) {
        this.repository = repository;
        this.mongo = mongo;
    }

    /** Merges one contact; expects a contact that passed validation. */
    public Mono<Outcome> merge(NodeContact contact) {
        return Mono.defer(() -> existing(contact)
                        .flatMap(person -> update(person, contact))
                        .switchIfEmpty(Mono.defer(() -> create(contact))))
                .retryWhen(Retry.max(5).filter(ex -> ex instanceof OptimisticLockingFailureException
                        || ex instanceof DuplicateKeyException));
    }

    private Mono<Person> existing(NodeContact contact) {
        Criteria criteria = contact.email() != null
                ? Criteria.where("email").regex("^" + Pattern.quote(contact.email().strip()) + "$", "i")
                : Criteria.where("sortName").is(sortKey(contact.name()));
        return mongo.find(Query.query(criteria).limit(1), Person.class).next();
    }

    private Mono<Outcome> update(Person person, NodeContact contact) {
        Set<PersonCategory> categories = EnumSet.noneOf(PersonCategory.class);
        categories.addAll(person.categories());
        categories.add(category(contact));
        List<String> roles = person.roles() == null || person.roles().isEmpty() ? contact.roles() : person.roles();
        String email = person.email() == null ? contact.email() : person.email();
        if (categories.equals(person.categories()) && Objects.equals(roles, person.roles())
                && Objects.equals(email, person.email())) {
            return Mono.just(Outcome.UNCHANGED);
        }
        Person updated = new Person(person.key(), person.slug(), person.name(), Set.copyOf(categories), roles,
                person.bio(), person.photoUrl(), email, person.organisationKey(), person.current(),
                person.sortName(), person.version(), person.createdAt(), now());
        return repository.save(updated).thenReturn(Outcome.UPDATED);
    }

    private Mono<Outcome> create(NodeContact contact) {
        String base = slug(contact.name());
        return freeSlug(base, 1).flatMap(slug -> {
            Instant now = now();
            Person person = new Person(UUID.randomUUID().toString(), slug, contact.name().strip(),
                    Set.of(category(contact)), contact.roles(), Translations.NONE, null, contact.email(), null, true,
                    sortKey(contact.name()), null, now, now);
            return repository.insert(person).thenReturn(Outcome.CREATED);
        });
    }

    private Mono<String> freeSlug(String base, int attempt) {
        String candidate = attempt == 1 ? base : base + "-" + attempt;
        return repository.findBySlug(candidate).hasElement()
                .flatMap(taken -> taken ? freeSlug(base, attempt + 1) : Mono.just(candidate));
    }

    private static PersonCategory category(NodeContact contact) {
        return contact.staff() ? PersonCategory.NODE_STAFF : PersonCategory.CONTACT;
    }

    /** Lowercase letters and digits joined by single hyphens, at most 80 long ({@code "Zoë Staff"} → zoe-staff). */
    static String slug(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int length = 0;
        for (String word : folded.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && length + word.length() + 1 <= 80) {
                words.add(word);
                length += word.length() + 1;
            }
        }
        return words.isEmpty() ? "person" : String.join("-", words);
    }

    private static String sortKey(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
