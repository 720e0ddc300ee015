package be.biodiversity.portal.render.content;

import java.util.List;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.render.cache.ContentChange;
import be.biodiversity.portal.render.cache.PagePaths;

import static org.assertj.core.api.Assertions.assertThat;

/** Which page changes alter the answers every page asks for (issue 19: an edit invalidates only what depends on it). */
class ContentAnswersTests {

    /** Drops a trailing slash, as the site's keys do. */
    private static final PagePaths PATHS = new PagePaths() {

        @Override
        public String requestKey(String rawPath) {
            return permalinkKey(rawPath);
        }

        @Override
        public String permalinkKey(String permalink) {
            return permalink.length() > 1 && permalink.endsWith("/") ? permalink.substring(0, permalink.length() - 1)
                    : permalink;
        }

        @Override
        public String siteKey() {
            return "default";
        }
    };

    @Test
    void languageVersionsAreAlteredOnlyByAChangeToOneOfThem() {
        var changedBy = ContentClient.changedBy(List.of(new Translation("en", "/community/", "Community"),
                new Translation("nl", "/nl/community/", "Gemeenschap")));

        assertThat(changedBy.test(ContentChange.page(2, "/nl/team", false, false, "nl"), PATHS)).isFalse();
        assertThat(changedBy.test(ContentChange.page(2, "/nl/community", false, false, "nl"), PATHS)).isTrue();
        assertThat(changedBy.test(ContentChange.page(2, "/community", true, false, "en"), PATHS)).isTrue();
    }

    @Test
    void noLanguageVersionsKnownAreAlteredByAnyPageChange() {
        var changedBy = ContentClient.changedBy(List.<Translation>of());

        assertThat(changedBy.test(ContentChange.page(2, "/nl/team", false, false, "nl"), PATHS)).isTrue();
    }

    @Test
    void theSiteIsAlteredOnlyByARemovedPageOrAPageInALanguageItDoesNotList() {
        SiteSettings site = new SiteSettings("default", "GBIF.be", null, null, null, null, null, null, null, "en",
                List.of(new SiteSettings.Language("en", "English"), new SiteSettings.Language("nl", "Nederlands")));
        var changedBy = ContentClient.changedBy(site);

        assertThat(changedBy.test(ContentChange.page(2, "/nl/team", false, false, "nl"), PATHS))
                .as("an edit of a page in a language it lists").isFalse();
        assertThat(changedBy.test(ContentChange.page(2, "/fr/equipe", false, false, "fr"), PATHS))
                .as("a page in a new language").isTrue();
        assertThat(changedBy.test(ContentChange.page(2, "/nl/team", true, false, "nl"), PATHS))
                .as("a removed page may have been the last of its language").isTrue();
        assertThat(changedBy.test(ContentChange.page(2, "/nl/team", false), PATHS))
                .as("a feed entry without its language").isTrue();
    }
}
