package be.biodiversity.portal.content.page;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.data.PublishedLanguages;

/** The languages of the published pages, from the listings' index (brought up to date per revision, never a scan). */
@Component
class IndexedLanguages implements PublishedLanguages {

    private final PublishedPages pages;

    IndexedLanguages(PublishedPages pages) {
        this.pages = pages;
    }

    @Override
    public Mono<Set<String>> current() {
        return pages.current().map(PublishedIndex::languages);
    }
}
