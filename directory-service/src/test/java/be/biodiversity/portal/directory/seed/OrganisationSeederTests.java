package be.biodiversity.portal.directory.seed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import be.biodiversity.portal.directory.organisation.IndexFollower;
import be.biodiversity.portal.directory.organisation.OrganisationRequest;
import be.biodiversity.portal.directory.organisation.OrganisationService;
import be.biodiversity.portal.directory.organisation.Role;
import be.biodiversity.portal.directory.organisation.SearchIndex;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DataMongoTest
@Import({ OrganisationSeeder.class, SeedHealthIndicator.class, OrganisationService.class, SearchIndex.class,
        IndexFollower.class })
@ImportAutoConfiguration(ValidationAutoConfiguration.class)
class OrganisationSeederTests {

    static final String COLLECTION = "organisations";

    @Autowired
    OrganisationSeeder seeder;

    @Autowired
    SeedHealthIndicator health;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void emptyCollection() {
        // The context started the seeder too: let it finish so it cannot insert behind a test's back.
        await().atMost(Duration.ofSeconds(30)).until(() -> !health.health().getStatus().equals(Status.OUT_OF_SERVICE));
        mongo.remove(new Query(), COLLECTION).block();
    }

    @Test
    void seedingTwiceStillGivesTwentyFourOrganisations() {
        StepVerifier.create(seeder.seedIfEmpty()).expectNext(24L).verifyComplete();
        StepVerifier.create(seeder.seedIfEmpty()).expectNext(0L).verifyComplete();
        StepVerifier.create(seeder.seed()).expectNext(0L).verifyComplete();
        StepVerifier.create(mongo.count(new Query(), COLLECTION)).expectNext(24L).verifyComplete();
    }

    @Test
    void startUpSeedsInTheBackgroundAndReportsItInHealth() {
        seeder.run(new DefaultApplicationArguments());
        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
        assertThat(health.health().getDetails()).containsEntry("inserted", 24L);
        StepVerifier.create(mongo.count(new Query(), COLLECTION)).expectNext(24L).verifyComplete();
    }

    @Test
    void keysAreDerivedFromSlugsSoTheyAreStable() {
        StepVerifier.create(seeder.seed()).expectNext(24L).verifyComplete();
        String expected = UUID.nameUUIDFromBytes("gbif.be/organisation/rbins".getBytes(StandardCharsets.UTF_8))
                .toString();
        StepVerifier.create(mongo.findOne(Query.query(Criteria.where("slug").is("rbins")), Document.class,
                        COLLECTION).map(document -> document.get("_id")))
                .expectNext(expected)
                .verifyComplete();
    }

    @Test
    void aDeletedSeedOrganisationReturnsOnlyWhenSeedingExplicitly() {
        StepVerifier.create(seeder.seed()).expectNext(24L).verifyComplete();
        mongo.remove(Query.query(Criteria.where("slug").is("gbif")), COLLECTION).block();

        StepVerifier.create(seeder.seedIfEmpty()).expectNext(0L).verifyComplete();
        StepVerifier.create(seeder.seed()).expectNext(1L).verifyComplete();
        StepVerifier.create(mongo.count(new Query(), COLLECTION)).expectNext(24L).verifyComplete();
    }

    @Test
    void seedFileHoldsTwelveMembersAndTwelvePartnersWithUniqueSlugs() {
        List<OrganisationRequest> seeds = seeder.read();
        assertThat(seeds).hasSize(24);
        assertThat(seeds).extracting(OrganisationRequest::slug).doesNotHaveDuplicates();
        assertThat(seeds).filteredOn(seed -> seed.roles().contains(Role.MEMBER)).hasSize(12)
                .allSatisfy(member -> assertThat(member.country()).isEqualTo("BE"));
        assertThat(seeds).filteredOn(seed -> seed.roles().contains(Role.PARTNER)).hasSize(12)
                .allSatisfy(partner -> assertThat(partner.country()).isNull());
        assertThat(seeds).allSatisfy(seed -> assertThat(seed.homepage()).startsWith("http"));
    }
}
