package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import be.biodiversity.portal.directory.web.PagingResponse;
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

    OrganisationService(OrganisationRepository repository, ReactiveMongoTemplate mongo) {
        this.repository = repository;
        this.mongo = mongo;
    }

    Mono<PagingResponse<Organisation>> search(OrganisationQuery query) {
        Mono<Long> count = mongo.count(query.filter(), Organisation.class);
        Mono<List<Organisation>> page = query.limit() == 0 ? Mono.just(List.of())
                : mongo.find(query.page(), Organisation.class).collectList();
        return Mono.zip(count, page)
                .map(result -> PagingResponse.of(query.offset(), query.limit(), result.getT1(), result.getT2()));
    }

    Mono<Organisation> byKey(String key) {
        return repository.findById(key).switchIfEmpty(Mono.error(() -> OrganisationProblems.notFound("key", key)));
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
                .onErrorMap(DuplicateKeyException.class, ex -> duplicate(ex, key, request.slug()));
    }

    /** Replaces an organisation if the request carries its current version; a stale version is a 409. */
    Mono<Organisation> update(String key, OrganisationRequest request) {
        return byKey(key)
                .flatMap(current -> Objects.equals(current.version(), request.version())
                        ? slugFree(request.slug(), key)
                                .then(Mono.defer(() -> repository.save(current.update(request, now()))))
                        : Mono.error(OrganisationProblems.staleVersion(key, request.version(), current.version())))
                // Changed by someone else between our read and our write.
                .onErrorResume(OptimisticLockingFailureException.class, ex -> byKey(key).flatMap(current ->
                        Mono.error(OrganisationProblems.staleVersion(key, request.version(), current.version()))))
                .onErrorMap(DuplicateKeyException.class, ex -> duplicate(ex, key, request.slug()));
    }

    Mono<Void> delete(String key) {
        return mongo.remove(Query.query(Criteria.where("key").is(key)), Organisation.class)
                .flatMap(result -> result.getDeletedCount() == 0
                        ? Mono.error(OrganisationProblems.notFound("key", key)) : Mono.empty());
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
