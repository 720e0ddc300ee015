package be.biodiversity.portal.directory.registry;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The sync reports in MongoDB: the newest {@code portal.registry.sync.keep-reports} of each site are kept. */
@Component
class SyncReports {

    private final ReactiveMongoTemplate mongo;
    private final SyncProperties properties;

    SyncReports(ReactiveMongoTemplate mongo, SyncProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Keeps the report and forgets the ones beyond the newest {@code keep-reports}. */
    Mono<SyncReport> save(SyncReport report) {
        Query older = ofSite(report.site()).with(Sort.by(Sort.Direction.DESC, "_id")).skip(properties.keepReports());
        return mongo.insert(report)
                .flatMap(saved -> mongo.find(older, SyncReport.class).map(SyncReport::id).collectList()
                        .flatMap(ids -> ids.isEmpty() ? Mono.empty() : mongo.remove(
                                Query.query(Criteria.where("_id").in(ids)), SyncReport.class))
                        .thenReturn(saved));
    }

    /** The site's reports, newest first. */
    Flux<SyncReport> newest(String site) {
        return mongo.find(ofSite(site).with(Sort.by(Sort.Direction.DESC, "_id")).limit(properties.keepReports()),
                SyncReport.class);
    }

    /** The site's last sync that read something from GBIF. */
    Mono<SyncReport> lastGood(String site) {
        return mongo.findOne(ofSite(site).addCriteria(Criteria.where("status").in(List.of(
                SyncReport.Status.COMPLETE, SyncReport.Status.PARTIAL))).with(Sort.by(Sort.Direction.DESC, "_id")),
                SyncReport.class);
    }

    private static Query ofSite(String site) {
        return Query.query(Criteria.where("site").is(site));
    }
}
