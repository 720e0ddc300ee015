package be.biodiversity.portal.render.publisher;

import java.util.List;

/** What the publisher templates show. */
final class PublisherViews {

    private PublisherViews() {
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    record Search(String lang, String home, List<LanguageLink> languageLinks, String q, long count, long from,
            long to, List<Item> results, List<FacetView> facets, String previousHref, String nextHref,
            String clearHref, boolean filtered, List<Hidden> keep, String invalidDetail, boolean unavailable) {
    }

    record Item(String href, String name, String acronym, String type, String country, int datasets) {
    }

    record FacetView(String field, List<FacetValue> values) {
    }

    record FacetValue(String label, long count, String href, boolean selected) {
    }

    record Hidden(String name, String value) {
    }

    record Publisher(String lang, String home, List<LanguageLink> languageLinks, String name, String acronym,
            String descriptionHtml, List<String> roles, String type, String homepage, List<String> address,
            List<String> emails, List<String> phones, List<Contact> contacts, int datasets, String gbifUrl,
            String datasetsUrl, String occurrencesUrl, String backHref) {
    }

    record Contact(String name, String type, String roles, String email) {
    }
}
