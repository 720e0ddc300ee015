package be.biodiversity.portal.render.publisher;

import java.util.List;

import be.biodiversity.portal.render.site.SearchFrame;

/** What the publisher templates show. */
final class PublisherViews {

    private PublisherViews() {
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    record Search(String lang, String home, List<LanguageLink> languageLinks, SearchFrame frame, List<Item> results,
            List<SearchFrame.Facet> facets, String invalidDetail, boolean unavailable) {
    }

    record Item(String href, String name, String acronym, String type, String country, int datasets) {
    }

    record Publisher(String lang, String home, List<LanguageLink> languageLinks, String name, String acronym,
            String descriptionHtml, List<String> roles, String type, String homepage, List<String> address,
            List<String> emails, List<String> phones, List<Contact> contacts, int datasets, String gbifUrl,
            String datasetsUrl, String occurrencesUrl, String backHref) {
    }

    record Contact(String name, String type, String roles, String email) {
    }
}
