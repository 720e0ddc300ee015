package be.biodiversity.portal.directory.people;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import be.biodiversity.portal.directory.organisation.OrganisationService;
import be.biodiversity.portal.directory.web.FieldProblem;
import be.biodiversity.portal.directory.web.PagingResponse;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/** Reads and writes people; keys, slugs, versions and the organisation a person works for are checked here. */
@Service
class PersonService {

    private final PersonRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final OrganisationService organisations;

    PersonService(PersonRepository repository, ReactiveMongoTemplate mongo, OrganisationService organisations) {
        this.repository = repository;
        this.mongo = mongo;
        this.organisations = organisations;
    }

    /** People are few (tens): a MongoDB query sorted by name serves the list. */
    Mono<PagingResponse<Person>> list(PersonCategory category, Boolean current, String organisationKey, int offset,
            int limit) {
        Criteria criteria = new Criteria();
        if (category != null) {
            criteria = criteria.and("categories").is(category);
        }
        if (current != null) {
            criteria = criteria.and("current").is(current);
        }
        if (organisationKey != null) {
            criteria = criteria.and("organisationKey").is(organisationKey);
        }
        Query filter = Query.query(criteria);
        Mono<Long> count = mongo.count(filter, Person.class);
        Mono<List<Person>> page = limit == 0 ? Mono.just(List.of()) : mongo.find(Query.query(criteria)
                .with(Sort.by("sortName", "key")).skip(offset).limit(limit), Person.class).collectList();
        return Mono.zip(count, page).map(result -> PagingResponse.of(offset, limit, result.getT1(), result.getT2()));
    }

    Mono<Person> byKey(String key) {
        return repository.findById(key).switchIfEmpty(Mono.error(() -> notFound("key", key)));
    }

    Mono<Person> bySlug(String slug) {
        return repository.findBySlug(slug).switchIfEmpty(Mono.error(() -> notFound("slug", slug)));
    }

    Mono<Person> create(PersonRequest request) {
        String key = request.key() != null ? request.key() : UUID.randomUUID().toString();
        return repository.existsById(key)
                .flatMap(taken -> taken ? Mono.error(duplicate("key", key)) : Mono.empty())
                .then(checks(request, key))
                .then(Mono.defer(() -> repository.insert(Person.create(key, request, now()))))
                .onErrorMap(DuplicateKeyException.class, ex -> duplicate(ex, key, request.slug()));
    }

    Mono<Person> update(String key, PersonRequest request) {
        return byKey(key)
                .flatMap(current -> Objects.equals(current.version(), request.version())
                        ? checks(request, key).then(Mono.defer(() -> repository.save(current.update(request, now()))))
                        : Mono.error(stale(key, request.version(), current.version())))
                .onErrorResume(OptimisticLockingFailureException.class, ex -> byKey(key)
                        .flatMap(current -> Mono.error(stale(key, request.version(), current.version()))))
                .onErrorMap(DuplicateKeyException.class, ex -> duplicate(ex, key, request.slug()));
    }

    Mono<Void> delete(String key) {
        return mongo.remove(Query.query(Criteria.where("key").is(key)), Person.class)
                .flatMap(result -> result.getDeletedCount() == 0 ? Mono.error(notFound("key", key)) : Mono.empty());
    }

    /** The slug is free and the organisation, if any, exists. */
    private Mono<Void> checks(PersonRequest request, String key) {
        Mono<Void> slugFree = repository.findBySlug(request.slug())
                .filter(other -> !other.key().equals(key))
                .flatMap(other -> Mono.error(duplicate("slug", request.slug())));
        Mono<Void> organisationKnown = request.organisationKey() == null ? Mono.empty()
                : organisations.exists(request.organisationKey()).flatMap(exists -> exists ? Mono.empty()
                        : Mono.error(FieldProblem.badRequest("organisationKey",
                                "No organisation with key '" + request.organisationKey() + "'")));
        return slugFree.then(organisationKnown);
    }

    private static ErrorResponseException notFound(String field, String value) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No person with " + field + " '" + value + "'"), null);
    }

    private static ErrorResponseException duplicate(String field, String value) {
        return new FieldProblem(HttpStatus.CONFLICT, field,
                "A person with " + field + " '" + value + "' already exists");
    }

    private static RuntimeException duplicate(DuplicateKeyException ex, String key, String slug) {
        return String.valueOf(ex.getMessage()).contains("slug") ? duplicate("slug", slug) : duplicate("key", key);
    }

    private static ErrorResponseException stale(String key, Long sent, Long current) {
        FieldProblem problem = new FieldProblem(HttpStatus.CONFLICT, "version", "Person '" + key
                + "' was changed by someone else: you sent version " + sent + ", the current version is " + current
                + ". Read it again, then retry.");
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
