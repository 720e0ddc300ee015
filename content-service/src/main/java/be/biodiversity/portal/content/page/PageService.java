package be.biodiversity.portal.content.page;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.web.InvalidFieldException;

/** Reads pages and posts. Drafts are seen only when the caller asks for them (an editor). */
@Service
public class PageService {

    private final ReactiveMongoTemplate mongo;
    private final ContentProperties properties;

    PageService(ReactiveMongoTemplate mongo, ContentProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    Mono<Page> find(String lang, String path, boolean drafts) {
        Criteria c = Criteria.where("lang").is(knownLanguage(lang)).and("permalink").is(Permalinks.normalise(path));
        return mongo.findOne(Query.query(c), Page.class).filter(p -> drafts || p.published());
    }

    Mono<Page> byId(String id) {
        return mongo.findById(id, Page.class);
    }

    /** Published translations only: a language switch must not lead to a draft. */
    Flux<Translation> translations(String translationKey) {
        Query query = Query.query(Criteria.where("translationKey").is(translationKey).and("status").is(Page.PUBLISHED))
                .with(Sort.by("lang"));
        return mongo.find(query, Page.class).map(Translation::of);
    }

    Mono<PageList> list(PageFilter filter, long offset, int limit) {
        if (filter.lang() != null) {
            knownLanguage(filter.lang());
        }
        Query count = Query.query(filter.criteria());
        Query page = Query.query(filter.criteria()).with(filter.order()).skip(offset).limit(limit);
        page.fields().exclude("body", "searchText", "frontMatter");
        return mongo.count(count, Page.class)
                .zipWith(mongo.find(page, Page.class).map(PageSummary::of).collectList())
                .map(t -> new PageList(offset, limit, t.getT1(), offset + t.getT2().size() >= t.getT1(), t.getT2()));
    }

    /** Every stored page and post, for the importer to compare against. */
    public Flux<Page> all() {
        return mongo.findAll(Page.class);
    }

    public Mono<Long> countAll() {
        return mongo.count(new Query(), Page.class);
    }

    private String knownLanguage(String lang) {
        if (lang == null || !properties.languages().contains(lang)) {
            throw new InvalidFieldException("lang",
                    "'" + lang + "' is not a language of this site; known: " + properties.languages());
        }
        return lang;
    }
}
