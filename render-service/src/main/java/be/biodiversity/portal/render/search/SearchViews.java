package be.biodiversity.portal.render.search;

import java.util.List;

/** What the site search page shows; every text is escaped by the template except {@link Hit#snippetHtml()}. */
final class SearchViews {

    private SearchViews() {
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    /** {@code asked}: there is a query; {@code partial}: some part could not be searched (the notice at the top). */
    record Search(String lang, String home, List<LanguageLink> languageLinks, String q, boolean asked,
            boolean partial, Pages pages, Publishers publishers, Literature literature) {

        static Search of(String lang, String home, List<LanguageLink> languageLinks, String q, Pages pages,
                Publishers publishers, Literature literature) {
            return new Search(lang, home, languageLinks, q, !q.isEmpty(),
                    pages.unavailable() || publishers.unavailable() || literature.unavailable(), pages, publishers,
                    literature);
        }
    }

    /** Pages and posts of the site, in pages of results. */
    record Pages(boolean unavailable, long count, long from, long to, List<Hit> items, String previousHref,
            String nextHref) {
    }

    /** One page or post; {@code snippetHtml} passed {@link SnippetHtml}. */
    record Hit(String href, String title, boolean post, String date, String snippetHtml) {
    }

    /** The first publishers found, and where to see them all. */
    record Publishers(boolean unavailable, long count, List<Named> items, String moreHref) {
    }

    /** The first publications found, and where to see them all. */
    record Literature(boolean unavailable, long count, List<Named> items, String moreHref) {
    }

    /** A publisher (its name, its acronym as detail) or a publication (its title, authors and year as detail). */
    record Named(String href, String name, String detail) {
    }
}
