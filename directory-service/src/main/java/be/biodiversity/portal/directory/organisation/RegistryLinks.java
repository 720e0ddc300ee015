package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Links organisations the portal made itself (seeded, with keys of its own) to the GBIF registry: lists those not
 * linked yet, and moves one to its GBIF key. The portal's own fields, the slug included, move with it; the old key
 * stays an alias ({@link OrganisationAlias}), so links built on it keep answering; people working there follow.
 */
@Component
public class RegistryLinks {

    /** An organisation without registry data: the names and acronym it may be recognised by. */
    public record Unlinked(String key, String slug, String acronym, List<String> names) {
    }

    private final OrganisationRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final SearchIndex index;

    RegistryLinks(OrganisationRepository repository, ReactiveMongoTemplate mongo, SearchIndex index) {
        this.repository = repository;
        this.mongo = mongo;
        this.index = index;
    }

    /** The organisations without registry data. */
    public Flux<Unlinked> unlinked() {
        return mongo.find(Query.query(Criteria.where("registry").is(null)), Organisation.class)
                .map(organisation -> new Unlinked(organisation.key(), organisation.slug(), organisation.acronym(),
                        Stream.of(organisation.names().en(), organisation.names().fr(), organisation.names().nl())
                                .filter(Objects::nonNull).toList()));
    }

    /**
     * Moves the organisation {@code formerKey} to {@code key} with the registry's data; its other fields stay. The
     * copy is written before the original is removed, so a failure half-way loses nothing (at worst both exist).
     */
    public Mono<Void> rekey(String formerKey, String key, RegistryData data) {
        return repository.findById(formerKey).flatMap(old -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Organisation moved = new Organisation(key, "rekeyed-" + key, old.acronym(), old.names(),
                    old.descriptions(), old.homepage(), old.roles(), old.type(), old.country(), data, old.sortName(),
                    null, old.createdAt(), now);
            return mongo.save(new OrganisationAlias(formerKey, key, now))
                    .then(mongo.updateMulti(Query.query(Criteria.where("key").is(formerKey)),
                            Update.update("key", key), OrganisationAlias.class))
                    .then(repository.insert(moved))
                    .then(repository.deleteById(formerKey))
                    .then(Mono.defer(() -> repository.findById(key)))
                    .flatMap(inserted -> repository.save(new Organisation(key, old.slug(), inserted.acronym(),
                            inserted.names(), inserted.descriptions(), inserted.homepage(), inserted.roles(),
                            inserted.type(), inserted.country(), inserted.registry(), inserted.sortName(),
                            inserted.version(), inserted.createdAt(), inserted.modifiedAt())))
                    .doOnNext(saved -> {
                        index.remove(formerKey);
                        index.put(IndexEntry.of(saved));
                    })
                    .then(mongo.updateMulti(Query.query(Criteria.where("organisationKey").is(formerKey)),
                            Update.update("organisationKey", key), "people"))
                    .then();
        });
    }
}
