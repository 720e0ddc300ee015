package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * What a news card shows besides the listing's fields ({@code cards=true}): each post's image (its resolved
 * {@code thumbnail}, else {@code background}), excerpt, author and pre-title, read in one query and resolved as the
 * page itself is (and remembered the same way), so that a reader needs no request per post.
 */
@Component
class PostCards {

    static final int MAX_LIMIT = 100;
    private static final Logger logger = LoggerFactory.getLogger(PostCards.class);

    private final ReactiveMongoTemplate mongo;
    private final ResolvedPages resolved;

    PostCards(ReactiveMongoTemplate mongo, ResolvedPages resolved) {
        this.mongo = mongo;
        this.resolved = resolved;
    }

    static void checkLimit(int limit) {
        if (limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "at most " + MAX_LIMIT + " with cards=true, not " + limit);
        }
    }

    Mono<PageList> withCards(PageList list) {
        List<String> ids = list.results().stream().map(PageSummary::id).toList();
        if (ids.isEmpty()) {
            return Mono.just(list);
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Page.class)
                .flatMap(page -> resolved.view(page).map(view -> Map.entry(page.id(), card(view)))
                        .onErrorResume(ex -> {
                            logger.debug("Post {} listed without its card: {}", page.id(), ex.getMessage());
                            return Mono.empty();
                        }))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(cards -> new PageList(list.offset(), list.limit(), list.count(), list.endOfRecords(),
                        list.results().stream().map(summary -> cards.containsKey(summary.id())
                                ? summary.withCard(cards.get(summary.id())) : summary).toList()));
    }

    private static PageSummary.Card card(PageView view) {
        Map<String, Object> front = view.resolved() == null || view.resolved().frontMatter() == null ? Map.of()
                : view.resolved().frontMatter();
        String thumbnail = text(front.get("thumbnail"));
        String image = thumbnail != null ? thumbnail : view.resolved() == null ? null : view.resolved().heroImage();
        return new PageSummary.Card(image, view.excerpt(), author(front.get("author")), text(front.get("preTitle")));
    }

    private static String author(Object value) {
        if (value instanceof List<?> names) {
            String joined = names.stream().map(PostCards::text).filter(n -> n != null)
                    .collect(Collectors.joining(", "));
            return joined.isEmpty() ? null : joined;
        }
        return text(value);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

}
