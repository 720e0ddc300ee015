package be.biodiversity.portal.render.site;

import java.util.List;

import be.biodiversity.portal.render.content.SiteSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SiteLanguagesTests {

    private final SiteLanguages languages = SiteLanguages.of(Site.of(new SiteSettings("default", "Site", null, null,
            null, null, null, null, null, "en", List.of(new SiteSettings.Language("en", null),
                    new SiteSettings.Language("nl", null), new SiteSettings.Language("fr", null))), null));

    @ParameterizedTest
    @CsvSource({ "/, en, /", "'', en, /", "/community, en, /community", "/community/, en, /community",
            "/nl, nl, /nl", "/nl/, nl, /nl", "/nl/community, nl, /nl/community", "/nl/community//, nl, /nl/community",
            "/fr/community, fr, /fr/community", "/en/community, en, /en/community", "/nlx/a, en, /nlx/a",
            "/xx/nothing, en, /xx/nothing" })
    void languageIsTheFirstSegmentIfItIsANonDefaultLanguage(String requestPath, String language, String path) {
        assertThat(this.languages.resolve(requestPath)).isEqualTo(new SitePath(language, path));
    }

    /** One spelling per page (issue 18#1): percent-encoding, empty and dot segments collapse to it. */
    @ParameterizedTest
    @CsvSource({ "/%6El/community, nl, /nl/community", "/nl/%63ommunity, nl, /nl/community",
            "/nl/./community, nl, /nl/community", "/nl/%2e/community/, nl, /nl/community",
            "//nl///community, nl, /nl/community" })
    void aRequestsSpellingsOfOnePageAreOnePath(String rawPath, String language, String path) {
        assertThat(this.languages.ofRequest(rawPath)).isEqualTo(new SitePath(language, path));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/community%0B", "/community%09", "/nl/%0d%0aSet-Cookie", "/nl/a%7Fb", "/nl/%C2%85",
            "/nl/..", "/nl/../etc", "/nl/a%5Cb" })
    void junkSpellingsAreNotPagePaths(String rawPath) {
        assertThat(SiteLanguages.isClean(this.languages.ofRequest(rawPath).path())).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "en, /", "nl, /nl", "fr, /fr" })
    void homeOfEachLanguage(String language, String home) {
        assertThat(this.languages.home(language)).isEqualTo(home);
    }

}
