package be.biodiversity.portal.render.site;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one URL policy: what a browser would read as another site, or as script or data, is refused. */
class SafeUrlsTests {

    @ParameterizedTest
    @ValueSource(strings = { "/\\evil.example", "\\\\evil.example", "/\t/evil.example/x", "/\n/evil.example",
            "/\r/evil.example", "\t//evil.example", "/\u000B/evil.example", "/\f/evil.example", "/\u0000/evil.example",
            "/\u007F/evil.example", "//evil.example", "\\/evil.example", "javascript:alert(1)",
            " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:image/svg+xml,<svg/onload=alert(1)>", "vbscript:msgbox", "file:///etc/passwd", ":nothing",
            "http:/evil.example", "https://a.example/\tx" })
    void refusesWhatABrowserWouldReadAsAnotherSiteOrAsCode(String url) {
        assertThat(SafeUrls.link(url)).isNull();
        assertThat(SafeUrls.image(url)).isNull();
        assertThat(SafeUrls.web(url)).isNull();
        assertThat(SafeUrls.isSitePath(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/nl/community", "/", "https://www.gbif.org/", "HTTP://example.org/a?b=c#d",
            "mailto:gbif@biodiversity.be", "#top", "?q=bees", "news/2024", "../assets/a.png", "/a b" })
    void keepsSitePathsWebAddressesAndMail(String url) {
        assertThat(SafeUrls.link(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = { " /nl/community", "/nl/community\n", "\t/nl/community " })
    void dropsSpacesAroundAnAddressAsBrowsersDo(String url) {
        assertThat(SafeUrls.link(url)).isEqualTo("/nl/community");
    }

    @ParameterizedTest
    @ValueSource(strings = { "mailto:gbif@biodiversity.be", "/nl/community", "#top" })
    void aHomepageIsAWebAddressOnly(String url) {
        assertThat(SafeUrls.web(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "mailto:gbif@biodiversity.be", "data:image/png;base64,AAAA" })
    void anImageIsNeverMailOrData(String url) {
        assertThat(SafeUrls.image(url)).isNull();
    }
}
