package be.biodiversity.portal.render.literature;

import java.util.List;

/** What the literature templates show. */
final class LiteratureViews {

    private LiteratureViews() {
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    record Search(String lang, String home, List<LanguageLink> languageLinks, String q, long count, long from,
            long to, List<Item> results, List<FacetView> facets, String previousHref, String nextHref,
            String clearHref, boolean filtered, List<Hidden> keep, String invalidField, String invalidDetail) {
    }

    /** A chosen filter the search form sends again, so a new text query keeps it. */
    record Hidden(String name, String value) {
    }

    record Item(String href, String title, String authors, Integer year, String source, String type, boolean sample) {
    }

    record FacetView(String field, List<FacetValue> values) {
    }

    record FacetValue(String label, long count, String href, boolean selected) {
    }

    record Record(String lang, String home, List<LanguageLink> languageLinks, String title, String authors,
            Integer year, String source, String type, List<String> topics, String abstractText, String doiUrl,
            String doi, List<String> websites, List<Download> downloads, Boolean openAccess, Boolean peerReview,
            String backHref, boolean sample) {
    }

    record Download(String key, String href) {
    }
}
