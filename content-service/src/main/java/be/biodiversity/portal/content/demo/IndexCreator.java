package be.biodiversity.portal.content.demo;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes a document class declares, and waits for them: a unique index must exist before the
 * first write, or two pages could take one permalink.
 */
@Component
class IndexCreator {

    private final ReactiveMongoTemplate mongo;
    private final MongoPersistentEntityIndexResolver resolver;

    IndexCreator(ReactiveMongoTemplate mongo, MongoMappingContext mappingContext) {
        this.mongo = mongo;
        this.resolver = new MongoPersistentEntityIndexResolver(mappingContext);
    }

    /** The indexes of every stored type, created before anything is written. */
    Mono<Void> ensureAll() {
        return Flux.just(be.biodiversity.portal.content.page.Page.class,
                be.biodiversity.portal.content.page.PageRevision.class,
                be.biodiversity.portal.content.data.SiteData.class).concatMap(this::ensure).then();
    }

    Mono<Void> ensure(Class<?> type) {
        return Flux.fromIterable(resolver.resolveIndexFor(type))
                .concatMap(index -> mongo.indexOps(type).createIndex(index))
                .then();
    }
}
