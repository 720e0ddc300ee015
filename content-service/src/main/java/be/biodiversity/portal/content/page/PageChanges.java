package be.biodiversity.portal.content.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import reactor.core.publisher.Mono;

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

    private final PublishedPages published;

    PageChanges(PublishedPages published) {
        this.published = published;
    }

    /**
     * The published translations whose language switch this write changed (none for most edits): from the
     * listings' index by translation key, not a query the embedded server answers by scanning every page.
     */
    Mono<List<Change>> translations(Page before, Page after) {
        Set<String> keys = translationKeys(before, after);
        if (keys.isEmpty()) {
            return Mono.just(List.of());
        }
        String self = after != null ? after.id() : before.id();
        return published.current().map(index -> keys.stream().flatMap(key -> index.versions(key).stream())
                .filter(p -> !Objects.equals(p.id(), self))
                .map(p -> Change.page(p.id(), p.lang(), p.permalink(), p.kind(), false))
                .toList());
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
