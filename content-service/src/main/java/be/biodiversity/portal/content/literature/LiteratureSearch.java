package be.biodiversity.portal.content.literature;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Runs a {@link LiteratureQuery}: the page of records, the total and the facet counts, newest first. */
@Component
class LiteratureSearch {

    /** The facets, in the order a search page shows them; array fields are counted per value. */
    static final List<String> FACETS = List.of("literatureType", "topics", "year", "countriesOfResearcher",
            "countriesOfCoverage", "openAccess", "peerReview");
    private static final Set<String> ARRAY_FIELDS = Set.of("topics", "countriesOfResearcher", "countriesOfCoverage");
    private static final int MAX_FACET_VALUES = 50;

    private final ReactiveMongoTemplate mongo;

    LiteratureSearch(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<LiteratureResults> search(LiteratureQuery query) {
        Criteria criteria = query.criteria();
        Mono<List<LiteratureRecord>> page = query.limit() == 0 ? Mono.just(List.of())
                : mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.desc("year"), Sort.Order.asc("title"),
                        Sort.Order.asc("_id"))).skip(query.offset()).limit(query.limit()), LiteratureRecord.class)
                        .collectList();
        Mono<Long> count = mongo.count(Query.query(criteria), LiteratureRecord.class);
        Mono<List<LiteratureResults.Facet>> facets = Flux.fromIterable(FACETS)
                .concatMap(field -> facet(criteria, field)).collectList();
        return Mono.zip(page, count, facets).map(t -> new LiteratureResults(query.offset(), query.limit(), t.getT2(),
                query.offset() + t.getT1().size() >= t.getT2(), t.getT1(), t.getT3()));
    }

    private Mono<LiteratureResults.Facet> facet(Criteria criteria, String field) {
        List<AggregationOperation> steps = new java.util.ArrayList<>();
        steps.add(Aggregation.match(criteria));
        if (ARRAY_FIELDS.contains(field)) {
            steps.add(Aggregation.unwind(field));
        }
        steps.add(Aggregation.group(field).count().as("count"));
        return mongo.aggregate(Aggregation.newAggregation(steps), "literature", Document.class)
                .filter(group -> group.get("_id") != null)
                .map(group -> new LiteratureResults.Count(String.valueOf(group.get("_id")),
                        ((Number) group.get("count")).longValue()))
                .collectSortedList(Comparator.comparingLong(LiteratureResults.Count::count).reversed()
                        .thenComparing(LiteratureResults.Count::name))
                .map(counts -> new LiteratureResults.Facet(field,
                        counts.subList(0, Math.min(MAX_FACET_VALUES, counts.size()))));
    }
}
