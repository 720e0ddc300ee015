package be.biodiversity.portal.content.literature;

import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link LiteratureQuery}: the index ({@link LiteratureIndex}) answers which records match, newest first, and
 * the facet counts; MongoDB the records of the page, read by id (one deleted meanwhile is left out).
 */
@Component
class LiteratureSearch {

    /** The facets, in the order a search page shows them; array fields are counted per value. */
    static final List<String> FACETS = List.of("literatureType", "topics", "year", "countriesOfResearcher",
            "countriesOfCoverage", "openAccess", "peerReview");

    private final ReactiveMongoTemplate mongo;
    private final LiteratureIndex index;

    LiteratureSearch(ReactiveMongoTemplate mongo, LiteratureIndex index) {
        this.mongo = mongo;
        this.index = index;
    }

    Mono<LiteratureResults> search(LiteratureQuery query) {
        LiteratureIndex.Hits hits = index.search(query);
        Mono<List<LiteratureRecord>> page = hits.ids().isEmpty() ? Mono.just(List.of())
                : mongo.find(Query.query(Criteria.where("_id").in(hits.ids())), LiteratureRecord.class)
                        .collectMap(LiteratureRecord::id)
                        .map(found -> hits.ids().stream().map(found::get).filter(Objects::nonNull).toList());
        return page.map(records -> new LiteratureResults(query.offset(), query.limit(), hits.count(),
                query.offset() + records.size() >= hits.count(), records, hits.facets()));
    }
}
