package be.biodiversity.portal.render.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy statement answers even with content-service unreachable (the site's owner and contact come from it:
 * {@code site/SiteFromContentTests}); without them it names the site by its address and the owner generically.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "portal.content.url=http://127.0.0.1:9", "portal.directory.url=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class PrivacyPageTests {

    @Autowired
    WebTestClient web;

    @ParameterizedTest
    @CsvSource({ "/privacy, en, <h1>Privacy</h1>", "/nl/privacy, nl, Dit portaal wordt beheerd door localhost:8080",
            "/fr/privacy, fr, <h1>Vie privée</h1>" })
    void thePrivacyStatementIsServedInEachLanguage(String path, String lang, String text) {
        String html = web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(html).contains("<html lang=\"" + lang + "\">", text).doesNotContain("GBIF.be", "mailto:");
    }

    /**
     * A first segment that is not another language of the site makes the path one of the site's pages (the site may
     * have a page at {@code /xx/privacy}): it is asked of content-service, unreachable here, so 503 — not the
     * portal's privacy page.
     */
    @ParameterizedTest
    @CsvSource({ "/xx/privacy", "/en/privacy" })
    void otherPrefixesAreNotThePrivacyPage(String path) {
        web.get().uri(path).exchange().expectStatus().isEqualTo(503);
    }
}
