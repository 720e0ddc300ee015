package be.biodiversity.portal.render.cache;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.TestTicker;
import be.biodiversity.portal.render.content.ContentChanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the page cache off, a page rendered again asks the providers only for what may have changed: content
 * answers until the change feed names what they depend on, directory answers for directory-max-age. Time moves
 * only on the {@link TestTicker}: each test starts past every directory answer an earlier test read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "portal.cache.enabled=false",
        "portal.cache.answers=true", "portal.cache.revision-poll=1h", "portal.cache.directory-max-age=2s" })
@AutoConfigureWebTestClient
@Import(TestTicker.Config.class)
class ProviderAnswersPageTests {

    private static final String NL_PAGE = "/api/content/v1/pages?lang=nl&path=/nl/community";
    private static final String NAVIGATION = "/api/content/v1/data/navigation?lang=nl";
    private static final String MEMBERS = "/api/directory/v1/organisations?limit=1000&role=MEMBER";

    static final ProviderStub content = ProviderStub.start()
        .json("/api/content/v1/pages/translations?key=community", "contracts/content/translations-community.json")
        .json(NAVIGATION, "contracts/content/data-navigation.json")
        .json("/api/content/v1/data/footer?lang=nl", "contracts/content/data-footer.json");

    static final ProviderStub directory = ProviderStub.start()
        .json(MEMBERS, "contracts/directory/organisations-member.json")
        .json("/api/directory/v1/organisations?limit=1000&role=PARTNER", "contracts/directory/organisations-partner.json");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", directory::baseUrl);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ContentChanges changes;

    @Autowired
    TestTicker ticker;

    static final ChangeFeed feed = new ChangeFeed(content);

    @BeforeEach
    void theOriginalPageAndNoAnswerKeptByAnEarlierTest() {
        content.json(NL_PAGE, "contracts/content/page-nl-community.json");
        ticker.advance(Duration.ofMinutes(1));
        feed.publish(changes);
    }

    @AfterAll
    static void stopProviders() {
        content.close();
        directory.close();
    }

    @Test
    void aPageRenderedAgainAtTheSameRevisionAsksContentServiceNothing() {
        String first = get();
        long asked = content.requests().size();
        assertThat(get()).isEqualTo(first);
        assertThat(content.requests()).as("page, navigation, footer, translations kept").hasSize((int) asked);
    }

    @Test
    void anEditShowsAsSoonAsTheFeedNamesThePage() {
        assertThat(get()).contains("<h1>Gemeenschap</h1>");
        content.respond(NL_PAGE, 200, "application/json", ProviderStub.read("contracts/content/page-nl-community.json")
            .replace("\"title\": \"Gemeenschap\"", "\"title\": \"Gemeenschap (bewerkt)\""));
        assertThat(get()).as("same revision: the answer read before").contains("<h1>Gemeenschap</h1>");

        feed.publish(changes, "{\"revision\": %d, \"scope\": \"page\", \"lang\": \"nl\", \"path\": \"/nl/community\"}");

        assertThat(get()).contains("<h1>Gemeenschap (bewerkt)</h1>");
    }

    @Test
    void aDirectoryListIsAskedForAgainAfterDirectoryMaxAge() {
        get();
        long asked = members();
        get();
        assertThat(members()).as("within directory-max-age").isEqualTo(asked);
        ticker.advance(Duration.ofMillis(2100));
        get();
        assertThat(members()).isEqualTo(asked + 1);
    }

    @Test
    void aFailedAnswerIsNotKept() {
        directory.goDown();
        assertThat(get()).contains("De lijst van organisaties is tijdelijk niet beschikbaar.");
        directory.healthy();
        assertThat(get()).contains("Koninklijk Belgisch Instituut voor Natuurwetenschappen");
    }

    private String get() {
        return web.get().uri("/nl/community").exchange().expectStatus().isOk().expectBody(String.class)
            .returnResult().getResponseBody();
    }

    private long members() {
        return directory.requests().stream().filter(MEMBERS::equals).count();
    }
}
