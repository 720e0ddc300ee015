package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/** Reads and writes organisations; the rules on keys, slugs and versions live here. */
@Service
public class OrganisationService {

    private final OrganisationRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final SearchIndex index;

    OrganisationService(OrganisationRepository repository, ReactiveMongoTemplate mongo, SearchIndex index) {
        this.repository = repository;
        this.mongo = mongo;
        this.index = index;
    }

    /** The index answers which keys, MongoDB the organisations of the page; one deleted meanwhile is left out. */
    Mono<OrganisationPage> search(OrganisationQuery query) {
        SearchHits hits = index.search(query);
        if (hits.keys().isEmpty()) {
            return Mono.just(OrganisationPage.of(query, hits, List.of()));
        }
        return repository.findAllById(hits.keys())
                .collectMap(Organisation::key)
                .map(found -> OrganisationPage.of(query, hits, hits.keys().stream()
                        .map(found::get).filter(Objects::nonNull).map(OrganisationResponse::of).toList()));
    }

    /**
     * Rebuilds the search index from MongoDB; emits the number of organisations indexed. Reads only the fields the
     * index keeps: the embedded server holds a whole result in memory, and full documents of 100,000 organisations
     * would not fit a small heap.
     */
    public Mono<Long> reindex() {
        Query indexed = new Query();
        indexed.fields().include("slug", "acronym", "names", "roles", "type", "country", "version", "registry.title",
                "registry.abbreviation", "registry.city", "registry.endorsementApproved",
                "registry.numPublishedDatasets");
        return Mono.fromRunnable(index::clear)
                .thenMany(mongo.find(indexed, Organisation.class))
                .doOnNext(organisation -> index.put(IndexEntry.of(organisation)))
                .count();
    }

    Mono<Organisation> byKey(String key) {
        return repository.findById(key).switchIfEmpty(Mono.error(() -> OrganisationProblems.notFound("key", key)));
    }

    /** By key, or by a key it had before the registry sync gave it GBIF's: old links keep answering. */
    Mono<Organisation> byKeyOrFormerKey(String key) {
        return repository.findById(key)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(key, OrganisationAlias.class)
                        .flatMap(alias -> repository.findById(alias.key()))))
                .switchIfEmpty(Mono.error(() -> OrganisationProblems.notFound("key", key)));
    }

    Mono<Organisation> bySlug(String slug) {
        return repository.findBySlug(slug)
                .switchIfEmpty(Mono.error(() -> OrganisationProblems.notFound("slug", slug)));
    }

    Mono<Organisation> create(OrganisationRequest request) {
        String key = request.key() != null ? request.key() : UUID.randomUUID().toString();
        Mono<Void> keyFree = repository.existsById(key)
                .flatMap(taken -> taken ? Mono.error(OrganisationProblems.duplicate("key", key)) : Mono.empty());
        return keyFree.then(slugFree(request.slug(), key))
                .then(Mono.defer(() -> repository.insert(Organisation.create(key, request, now()))))
                .doOnNext(this::indexed)
                .onErrorMap(DuplicateKeyException.class, ex -> duplicate(ex, key, request.slug()));
    }

    /** Replaces an organisation if the request carries its current version; a stale version is a 409. */
    Mono<Organisation> update(String key, OrganisationRequest request) {
        return byKey(key)
                .flatMap(current -> Objects.equals(current.version(), request.version())
                        ? slugFree(request.slug(), key)
                                .then(Mono.defer(() -> repository.save(current.update(request, now()))))
                                .doOnNext(this::indexed)
                        : Mono.error(OrganisationProblems.staleVersion(key, request.version(), current.version())))
                // Changed by someone else between our read and our write.
                .onErrorResume(OptimisticLockingFailureException.class, ex -> byKey(key).flatMap(current ->
                        Mono.error(OrganisationProblems.staleVersion(key, request.version(), current.version()))))
                .onErrorMap(DuplicateKeyException.class, ex -> duplicate(ex, key, request.slug()));
    }

    Mono<Void> delete(String key) {
        return mongo.remove(Query.query(Criteria.where("key").is(key)), Organisation.class)
                .flatMap(result -> result.getDeletedCount() == 0
                        ? Mono.<Void>error(OrganisationProblems.notFound("key", key)) : Mono.<Void>empty())
                .doOnSuccess(done -> index.remove(key));
    }

    /** Whether an organisation with this key exists. */
    public Mono<Boolean> exists(String key) {
        return repository.existsById(key);
    }

    /** The number of stored organisations. */
    public Mono<Long> count() {
        return repository.count();
    }

    /**
     * Inserts the organisation unless its key or slug is taken; emits whether it was inserted. For the seed,
     * which expects a valid request with a key.
     */
    public Mono<Boolean> createIfAbsent(OrganisationRequest request) {
        return create(request).thenReturn(true)
                .onErrorResume(ErrorResponseException.class, ex -> ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)
                        ? Mono.just(false) : Mono.error(ex));
    }

    private Mono<Void> slugFree(String slug, String key) {
        return repository.findBySlug(slug)
                .filter(other -> !other.key().equals(key))
                .flatMap(other -> Mono.error(OrganisationProblems.duplicate("slug", slug)));
    }

    private void indexed(Organisation organisation) {
        index.put(IndexEntry.of(organisation));
    }

    /** Names the unique field a concurrent write took first. */
    private static RuntimeException duplicate(DuplicateKeyException ex, String key, String slug) {
        String message = String.valueOf(ex.getMessage());
        return message.contains("slug") ? OrganisationProblems.duplicate("slug", slug)
                : OrganisationProblems.duplicate("key", key);
    }

    /** Milliseconds, the precision MongoDB stores, so a response shows what a later read will. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
