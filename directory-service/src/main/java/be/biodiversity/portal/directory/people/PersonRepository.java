package be.biodiversity.portal.directory.people;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface PersonRepository extends ReactiveMongoRepository<Person, String> {

    Mono<Person> findBySlug(String slug);
}
