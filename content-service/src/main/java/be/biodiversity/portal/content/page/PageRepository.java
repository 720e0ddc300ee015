package be.biodiversity.portal.content.page;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface PageRepository extends ReactiveMongoRepository<Page, String> {

    Mono<Page> findByLangAndPermalink(String lang, String permalink);

    Flux<Page> findByTranslationKeyOrderByLangAsc(String translationKey);

    Flux<Page> findByLangOrderByPermalinkAsc(String lang, Pageable pageable);

    Mono<Long> countByLang(String lang);
}
