package be.biodiversity.portal.content.search;

import java.util.List;
import java.util.Set;

import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.web.RequestParams;
import be.biodiversity.portal.search.Folding;

/**
 * A site search, checked on construction (a bad value is a 400 naming the parameter): the words of {@code q}, the
 * visitor's language, optionally one kind ({@code page} or {@code post}), and the page of results.
 */
record SiteSearchQuery(String site, String q, String lang, String kind, long offset, int limit) {

    static final Set<String> KINDS = Set.of("page", "post");

    SiteSearchQuery {
        RequestParams.text("q", q, RequestParams.MAX_TEXT);
        RequestParams.text("lang", lang, 20);
        RequestParams.text("kind", kind, 20);
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
            throw new InvalidFieldException("kind", "'" + kind + "' is not one of [page, post]");
        }
        kind = kind == null || kind.isBlank() ? null : kind;
        RequestParams.offset(offset);
        RequestParams.limit(limit, 0);
    }

    /** The folded words of {@code q}; a query without any finds nothing. */
    List<String> words() {
        return Folding.words(q);
    }
}
