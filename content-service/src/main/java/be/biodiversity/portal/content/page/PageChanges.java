package be.biodiversity.portal.content.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.Change;

/**
 * What a write of a page changed for visitors, from the page before and after it (null: none). Only published
 * pages have public paths: a draft's creation or edit changes nothing public; publishing adds its path;
 * unpublishing, deleting or moving a published page removes its (old) path. When what a language switch shows
 * changes (a version appears, goes, moves or is retitled), the page's published translations changed too.
 */
@Component
class PageChanges {

    private final ReactiveMongoTemplate mongo;

    PageChanges(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The published translations whose language switch this write changed (none for most edits). */
    Mono<List<Change>> translations(Page before, Page after) {
        Set<String> keys = translationKeys(before, after);
        if (keys.isEmpty()) {
            return Mono.just(List.of());
        }
        Query query = Query.query(Criteria.where("translationKey").in(keys).and("status").is(Page.PUBLISHED));
        query.fields().include("lang", "permalink", "kind");
        String self = after != null ? after.id() : before.id();
        return mongo.find(query, Page.class)
                .filter(p -> !Objects.equals(p.id(), self))
                .map(p -> Change.page(p.id(), p.lang(), p.permalink(), p.kind(), false))
                .collectList();
    }

    static List<Change> between(Page before, Page after) {
        boolean wasPublic = before != null && before.published();
        boolean isPublic = after != null && after.published();
        List<Change> changes = new ArrayList<>(2);
        if (wasPublic && (!isPublic || !samePath(before, after))) {
            changes.add(Change.page(before.id(), before.lang(), before.permalink(), before.kind(), true));
        }
        if (isPublic) {
            changes.add(Change.page(after.id(), after.lang(), after.permalink(), after.kind(), false));
        }
        return changes;
    }

    /** The translation keys whose language switch shows something else after this write; none if nothing. */
    static Set<String> translationKeys(Page before, Page after) {
        boolean wasPublic = before != null && before.published();
        boolean isPublic = after != null && after.published();
        if (wasPublic && isPublic && samePath(before, after) && Objects.equals(before.title(), after.title())
                && Objects.equals(before.translationKey(), after.translationKey())) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (wasPublic && before.translationKey() != null && !before.translationKey().isBlank()) {
            keys.add(before.translationKey());
        }
        if (isPublic && after.translationKey() != null && !after.translationKey().isBlank()) {
            keys.add(after.translationKey());
        }
        return keys;
    }

    private static boolean samePath(Page before, Page after) {
        return Objects.equals(before.lang(), after.lang()) && Objects.equals(before.permalink(), after.permalink());
    }
}
