package be.biodiversity.portal.directory.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import be.biodiversity.portal.directory.organisation.IndexFollower;
import be.biodiversity.portal.directory.organisation.OrganisationRequest;
import be.biodiversity.portal.directory.organisation.OrganisationService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Fills an empty directory with the organisations of {@code seed/organisations.yml}: the members of the Belgian
 * BIF and the node's international partners. Keys are derived from slugs, so every install has the same keys and
 * seeding twice inserts nothing new. Runs in the background at start-up (health is OUT_OF_SERVICE meanwhile); an
 * organisation an editor deleted comes back only when the whole collection is empty.
 */
@Component
public class OrganisationSeeder implements ApplicationRunner {

    static final String SEED = "seed/organisations.yml";
    private static final Logger log = LoggerFactory.getLogger(OrganisationSeeder.class);

    private final OrganisationService organisations;
    private final IndexFollower follower;
    private final Validator validator;
    private final SeedHealthIndicator health;

    OrganisationSeeder(OrganisationService organisations, IndexFollower follower, Validator validator,
            SeedHealthIndicator health) {
        this.organisations = organisations;
        this.follower = follower;
        this.validator = validator;
        this.health = health;
    }

    /**
     * Follows the organisations' changes and loads the search index from MongoDB, then seeds; returns at once, {@link SeedHealthIndicator} tells when both
     * are done.
     */
    @Override
    public void run(ApplicationArguments args) {
        health.seeding();
        follower.start()
                .doOnNext(indexed -> log.info("Indexed {} organisations for search", indexed))
                .then(seedIfEmpty()).subscribe(inserted -> {
            log.info("Seeded {} organisations from {}", inserted, SEED);
            health.seeded(inserted);
        }, error -> {
            log.error("Seeding organisations from {} failed", SEED, error);
            health.failed(error);
        });
    }

    /** Seeds when the collection is empty; emits how many organisations were inserted. */
    Mono<Long> seedIfEmpty() {
        return organisations.count().flatMap(count -> count == 0 ? seed() : Mono.just(0L));
    }

    /** Inserts every seed organisation whose key and slug are free; emits how many were inserted. */
    public Mono<Long> seed() {
        // Reading a classpath resource is blocking I/O: keep it off the event loop.
        return Mono.fromCallable(this::read)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(organisations::createIfAbsent)
                .filter(Boolean::booleanValue)
                .count();
    }

    /** The seed organisations, validated, with their keys. */
    List<OrganisationRequest> read() {
        List<OrganisationRequest> seeds = JsonMapper.shared().convertValue(load(),
                new TypeReference<List<OrganisationRequest>>() { });
        return seeds.stream().map(seed -> valid(seed.withKey(keyOf(seed.slug())))).toList();
    }

    /** The stable key of a seed organisation: a name-based UUID of {@code gbif.be/organisation/<slug>}. */
    static String keyOf(String slug) {
        return UUID.nameUUIDFromBytes(("gbif.be/organisation/" + slug).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Object load() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + SEED, ex);
        }
    }

    private OrganisationRequest valid(OrganisationRequest seed) {
        Set<ConstraintViolation<OrganisationRequest>> violations = validator.validate(seed);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Invalid organisation '" + seed.slug() + "' in " + SEED + ": "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.joining("; ")));
        }
        return seed;
    }
}
