package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the index answers without reading MongoDB: the site's languages (every render asks for them) and the
 * language versions a write names in the change feed.
 */
class PublishedIndexTests {

    private static PageSummary page(String id, String lang, String permalink, String key, String status) {
        return new PageSummary(lang, permalink, "Title " + id, id, Page.PAGE, key, null, null, List.of(), null, status,
                0L, null, null, false);
    }

    @Test
    void theLanguagesAreThoseOfThePublishedPages() {
        PublishedIndex index = PublishedIndex.of(1, List.of(page("1", "en", "/team", "team", Page.PUBLISHED),
                page("2", "nl", "/nl/team", "team", Page.PUBLISHED), page("3", "fr", "/fr/equipe", "team", "draft")));

        assertThat(index.languages()).containsExactly("en", "nl");

        PublishedIndex later = index.with(2, Set.of("2"), List.of(page("2", "nl", "/nl/team", "team", "draft")));
        assertThat(later.languages()).as("the last Dutch page unpublished").containsExactly("en");
    }

    @Test
    void theVersionsOfAKeyAreItsPublishedPages() {
        PublishedIndex index = PublishedIndex.of(1, List.of(page("1", "en", "/team", "team", Page.PUBLISHED),
                page("2", "nl", "/nl/team", "team", Page.PUBLISHED), page("3", "fr", "/fr/equipe", "team", "draft"),
                page("4", "en", "/about", "about", Page.PUBLISHED)));

        assertThat(index.versions("team")).extracting(PageSummary::id).containsExactlyInAnyOrder("1", "2");
        assertThat(index.versions("nothing")).isEmpty();
    }
}
