package be.biodiversity.portal.directory.organisation;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface OrganisationRepository extends ReactiveMongoRepository<Organisation, String> {

    Mono<Organisation> findBySlug(String slug);
}
