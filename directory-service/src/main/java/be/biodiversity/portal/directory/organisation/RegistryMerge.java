package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Writes what the GBIF registry says about an organisation into the directory, by key. A known organisation gets
 * the new {@code registry} data and keeps every field of the portal's own (slug, names, descriptions, homepage,
 * roles, type, country, acronym). A new one starts as a publisher of type OTHER, named after the registry's title,
 * with a slug from the title (made unique with the key's first part when taken, with the whole key when that is
 * taken too). A concurrent edit is retried on the fresh copy, so neither the edit nor the import is lost.
 */
@Component
public class RegistryMerge {

    /** What an upsert did. */
    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private static final int ATTEMPTS = 5;

    private final OrganisationRepository repository;
    private final SearchIndex index;

    RegistryMerge(OrganisationRepository repository, SearchIndex index) {
        this.repository = repository;
        this.index = index;
    }

    /** Upserts one organisation; expects a valid key (lower-case UUID), a title and valid data. */
    public Mono<Outcome> upsert(String key, RegistryData data) {
        return Mono.defer(() -> repository.findById(key)
                        .flatMap(current -> update(current, data))
                        .switchIfEmpty(Mono.defer(() -> insert(key, data))))
                .retryWhen(Retry.max(ATTEMPTS).filter(ex -> ex instanceof OptimisticLockingFailureException
                        || ex instanceof DuplicateKeyException));
    }

    private Mono<Outcome> update(Organisation current, RegistryData incoming) {
        // An import that does not count occurrences (upload, harvest) leaves the sync's last count.
        RegistryData data = incoming.numOccurrences() == null && current.registry() != null
                ? incoming.withOccurrences(current.registry().numOccurrences()) : incoming;
        if (Objects.equals(current.registry(), data)) {
            return Mono.just(Outcome.UNCHANGED);
        }
        return repository.save(current.withRegistry(data, now()))
                .doOnNext(saved -> index.put(IndexEntry.of(saved)))
                .thenReturn(Outcome.UPDATED);
    }

    private Mono<Outcome> insert(String key, RegistryData data) {
        String base = Slugs.of(data.title());
        String slug = Stream.of(base, Slugs.withKey(base, key)).filter(candidate -> isFree(candidate, key))
                .findFirst().orElse(Slugs.withWholeKey(base, key));
        Organisation created = newOrganisation(key, slug, data);
        String fallbackSlug = Slugs.withWholeKey(base, key);
        return repository.insert(created)
                // The slug was taken behind the index's back: the slug with the whole key is ours alone.
                .onErrorResume(DuplicateKeyException.class, ex -> String.valueOf(ex.getMessage()).contains("slug")
                        && !created.slug().equals(fallbackSlug)
                        ? repository.insert(newOrganisation(key, fallbackSlug, data)) : Mono.error(ex))
                .doOnNext(saved -> index.put(IndexEntry.of(saved)))
                .thenReturn(Outcome.INSERTED);
    }

    private boolean isFree(String slug, String key) {
        String owner = index.keyOfSlug(slug);
        return owner == null || owner.equals(key);
    }

    private static Organisation newOrganisation(String key, String slug, RegistryData data) {
        String title = data.title().strip();
        Names names = new Names(title.length() > 300 ? title.substring(0, 300) : title, null, null);
        String acronym = data.abbreviation() != null && data.abbreviation().length() <= 30 ? data.abbreviation() : null;
        String homepage = data.homepage() == null ? null : data.homepage().stream()
                .filter(url -> url != null && url.matches("https?://.+") && url.length() <= 500).findFirst()
                .orElse(null);
        Instant now = now();
        return new Organisation(key, slug, acronym, names, Translations.NONE, homepage, Set.of(Role.PUBLISHER),
                OrganisationType.OTHER, data.country(), data, names.sortKey(), null, now, now);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
