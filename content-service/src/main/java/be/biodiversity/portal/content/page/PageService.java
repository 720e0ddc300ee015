package be.biodiversity.portal.content.page;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * Reads pages and posts. Drafts are seen only when the caller asks for them (an editor). What visitors ask for is
 * read by key: a page by language and permalink through the unique index {@code lang_permalink} (MongoDB and the
 * embedded server alike use a unique index for an equality on exactly its fields); translations and listings of
 * published pages from the {@link PublishedIndex} kept in step with the site revision ({@link PublishedPages}).
 * Editors' listings (drafts, {@code status=any}) and text searches ({@code q}) are MongoDB queries.
 */
@Service
public class PageService {

    private final ReactiveMongoTemplate mongo;
    private final ContentProperties properties;
    private final PublishedPages published;
    private final Languages languages;

    PageService(ReactiveMongoTemplate mongo, ContentProperties properties, PublishedPages published,
            Languages languages) {
        this.mongo = mongo;
        this.properties = properties;
        this.published = published;
        this.languages = languages;
    }

    /**
     * Exactly the two fields of the unique index, so that the embedded server uses it too (no scan). A path whose
     * last segment has no extension also finds the page at that path + {@code .html}, as Jekyll's hosting answers
     * {@code /data} with {@code /data.html} (sites link to both).
     */
    Mono<Page> find(String lang, String path, boolean drafts) {
        String language = knownLanguage(lang);
        String permalink = Permalinks.normalise(path);
        Mono<Page> exact = byKey(language, permalink);
        String last = permalink.substring(permalink.lastIndexOf('/') + 1);
        Mono<Page> found = (last.isEmpty() || last.contains(".")) ? exact
                : exact.switchIfEmpty(Mono.defer(() -> byKey(language, permalink + ".html")));
        return found.filter(p -> drafts || p.published());
    }

    private Mono<Page> byKey(String lang, String permalink) {
        return mongo.findOne(Query.query(Criteria.where("lang").is(lang).and("permalink").is(permalink)), Page.class);
    }

    Mono<Page> byId(String id) {
        return mongo.findById(id, Page.class);
    }

    /** Published translations only: a language switch must not lead to a draft. */
    Flux<Translation> translations(String translationKey) {
        return published.current().flatMapIterable(index -> index.translations(translationKey));
    }

    /** The categories of the published posts of a language (null: every language), with how many posts each. */
    Flux<PostCategory> postCategories(String lang) {
        if (lang != null) {
            knownLanguage(lang);
        }
        return published.current().flatMapIterable(index -> index.categories(lang));
    }

    /** The query {@link #translations} answers from the index; on MongoDB backed by the index {@code translationKey}. */
    Flux<Translation> queryTranslations(String translationKey) {
        Query query = Query.query(Criteria.where("translationKey").is(translationKey).and("status").is(Page.PUBLISHED))
                .with(Sort.by("lang"));
        return mongo.find(query, Page.class).map(Translation::of);
    }

    Mono<PageList> list(PageFilter filter, long offset, int limit) {
        if (filter.lang() != null) {
            knownLanguage(filter.lang());
        }
        if (PublishedIndex.answers(filter)) {
            return published.current().map(index -> index.list(filter, offset, limit));
        }
        return query(filter, offset, limit);
    }

    /** A listing as a MongoDB query (editors, text search); on MongoDB backed by {@code kind_lang_date} for posts. */
    Mono<PageList> query(PageFilter filter, long offset, int limit) {
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

    /**
     * Every stored page and post without its text (body, front matter): what the importer compares against (the
     * fingerprint of its file) and needs to replace it (id, version, path, status, title, translation key).
     */
    public Flux<Page> stored() {
        Query query = new Query();
        query.fields().exclude("body", "searchText", "frontMatter");
        return mongo.find(query, Page.class);
    }

    public Mono<Long> countAll() {
        return mongo.count(new Query(), Page.class);
    }

    private String knownLanguage(String lang) {
        if (lang == null || !languages.languages().contains(lang)) {
            throw new InvalidFieldException("lang",
                    "'" + lang + "' is not a language of this site; known: " + languages.languages());
        }
        return lang;
    }
}
