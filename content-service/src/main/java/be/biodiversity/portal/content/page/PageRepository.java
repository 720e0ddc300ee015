package be.biodiversity.portal.content.page;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Simple look-ups; listings with filters go through {@link PageService}'s queries. */
interface PageRepository extends ReactiveMongoRepository<Page, String> {

    Mono<Page> findByLangAndPermalink(String lang, String permalink);
}
