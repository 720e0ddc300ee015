package be.biodiversity.portal.content.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import be.biodiversity.portal.content.revision.Change;

/**
 * What a write of a page changed for visitors, from the page before and after it (null: none). Only published
 * pages have public paths: a draft's creation or edit changes nothing public; publishing adds its path;
 * unpublishing, deleting or moving a published page removes its (old) path.
 */
final class PageChanges {

    private PageChanges() {
    }

    static List<Change> between(Page before, Page after) {
        boolean wasPublic = before != null && before.published();
        boolean isPublic = after != null && after.published();
        List<Change> changes = new ArrayList<>(2);
        if (wasPublic && (!isPublic || !samePath(before, after))) {
            changes.add(Change.page(before.lang(), before.permalink(), before.kind(), true));
        }
        if (isPublic) {
            changes.add(Change.page(after.lang(), after.permalink(), after.kind(), false));
        }
        return changes;
    }

    private static boolean samePath(Page before, Page after) {
        return Objects.equals(before.lang(), after.lang()) && Objects.equals(before.permalink(), after.permalink());
    }
}
