package be.biodiversity.portal.content.literature;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** Reads one literature record by GBIF's id. */
@Component
class ReactiveLiteratureLookup {

    private final ReactiveMongoTemplate mongo;

    ReactiveLiteratureLookup(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<LiteratureRecord> byId(String id) {
        return mongo.findById(id, LiteratureRecord.class);
    }

    Mono<Long> count() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), LiteratureRecord.class);
    }
}
