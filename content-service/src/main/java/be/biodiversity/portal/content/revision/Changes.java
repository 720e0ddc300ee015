package be.biodiversity.portal.content.revision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/content/v1/changes?since=n}.
 *
 * @param revision the current site revision
 * @param complete false when the changes since {@code since} are no longer (or were never) all in the log: the
 *                 reader must treat everything as changed
 * @param changes  the entries after {@code since}, oldest first
 * @param more     true when more entries follow: ask again with {@code since} = {@code through}
 * @param through  the revision this answer covers up to (with {@code more}, the last entry's revision)
 */
record Changes(long revision, boolean complete, List<Entry> changes, boolean more, long through) {

    static Changes incomplete(long revision) {
        return new Changes(revision, false, List.of(), false, revision);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long revision, String scope, String lang, String path, String kind, Boolean removed) {

        static Entry of(long revision, Change change) {
            return new Entry(revision, change.scope(), change.lang(), change.path(), change.kind(), change.removed());
        }
    }
}
