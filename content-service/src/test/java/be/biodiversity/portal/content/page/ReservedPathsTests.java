package be.biodiversity.portal.content.page;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReservedPathsTests {

    private static final List<String> LANGUAGES = List.of("en", "nl", "fr");

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/env", "/nl/actuator", "/x/actuator/health", "/robots.txt", "/sitemap.xml",
            "/feed.xml", "/nl/feed.xml", "/favicon.ico", "/_gateway/fallback/page", "/api/x", "/api", "/fr/api/x",
            "/publisher/search", "/nl/publisher/31bde907", "/literature/search", "/fr/literature/some-id",
            "/privacy", "/nl/privacy", "/assets/portal/site.css", "/API/x", "/sitemap-1.xml", "/sitemap-12.xml",
            "/search", "/nl/search", "/fr/search", "/dataset/search", "/nl/dataset/_key_", "/occurrence/search",
            "/fr/occurrence/123", "/collection/search", "/institution/key" })
    void thePortalsOwnPathsAreReserved(String permalink) {
        assertThat(ReservedPaths.reason(permalink, LANGUAGES)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/nl", "/community", "/nl/community", "/publisher", "/literature", "/news",
            "/nl/news", "/apis", "/about/api", "/post/2026/feed", "/privacy-policy", "/de/feed.xml/x", "/sitemap-x.xml",
            "/sitemap-1.xml/more", "/search/help", "/research", "/dataset", "/nl/occurrence", "/datasets/search" })
    void pagesMayHaveEveryOtherPath(String permalink) {
        assertThat(ReservedPaths.reason(permalink, LANGUAGES)).isEmpty();
    }
}
