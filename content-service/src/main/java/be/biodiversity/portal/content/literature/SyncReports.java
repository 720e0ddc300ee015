package be.biodiversity.portal.content.literature;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The literature sync reports of a site in MongoDB: the newest {@code keep} kept, read newest first. */
@Component
class SyncReports {

    private final ReactiveMongoTemplate mongo;

    SyncReports(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<SyncReport> save(SyncReport report, int keep) {
        return mongo.insert(report)
                .flatMap(saved -> mongo.find(newestFirst(saved.site()).skip(keep), SyncReport.class)
                        .map(SyncReport::id)
                        .collectList()
                        .flatMap(old -> old.isEmpty() ? Mono.just(saved)
                                : mongo.remove(Query.query(Criteria.where("_id").in(old)), SyncReport.class)
                                        .thenReturn(saved)));
    }

    Flux<SyncReport> newest(String site, int limit) {
        return mongo.find(newestFirst(site).limit(limit), SyncReport.class);
    }

    private static Query newestFirst(String site) {
        return Query.query(Criteria.where("site").is(site)).with(Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("_id")));
    }
}
