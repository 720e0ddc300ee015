package be.biodiversity.portal.render.literature;

import java.util.List;

import be.biodiversity.portal.render.site.SearchFrame;

/** What the literature templates show. */
final class LiteratureViews {

    private LiteratureViews() {
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    record Search(String lang, String home, List<LanguageLink> languageLinks, SearchFrame frame, List<Item> results,
            List<SearchFrame.Facet> facets, String invalidField, String invalidDetail) {
    }

    record Item(String href, String title, String authors, Integer year, String source, String type, boolean sample) {
    }

    record Record(String lang, String home, List<LanguageLink> languageLinks, String title, String authors,
            Integer year, String source, String type, List<String> topics, String abstractText, String doiUrl,
            String doi, List<String> websites, List<Download> downloads, Boolean openAccess, Boolean peerReview,
            String backHref, boolean sample) {
    }

    record Download(String key, String href) {
    }
}
