package be.biodiversity.portal.render.content;

import java.net.URI;
import java.time.Duration;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.config.ProviderClients;
import be.biodiversity.portal.render.content.Page.DirectoryBlock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.web.reactive.function.client.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ContentClient} against a stub serving content-service's documented JSON examples.
 */
class ContentClientTests {

    private static final String COMMUNITY_NL = "/api/content/v1/pages?lang=nl&path=/nl/community";

    private static final String MINIMAL = "/api/content/v1/pages?lang=nl&path=/nl/over";

    private static final String TRANSLATIONS = "/api/content/v1/pages/translations?key=community";

    private ProviderStub stub;

    private ContentClient client;

    @BeforeEach
    void startStub() {
        this.stub = ProviderStub.start()
            .json(COMMUNITY_NL, "contracts/content/page-nl-community.json")
            .json(MINIMAL, "contracts/content/page-minimal.json")
            .json(TRANSLATIONS, "contracts/content/translations-community.json")
            .respond("/api/content/v1/pages?lang=en&path=/xx/nothing", 404, "application/problem+json",
                    ProviderStub.read("contracts/content/page-not-found.json"));
        this.client = clientOf(this.stub.baseUrl(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopStub() {
        this.stub.close();
    }

    @Test
    void readsPageWithEverythingWeRender() {
        StepVerifier.create(this.client.page("nl", "/nl/community")).assertNext((page) -> {
            assertThat(page.lang()).isEqualTo("nl");
            assertThat(page.permalink()).isEqualTo("/nl/community");
            assertThat(page.translationKey()).isEqualTo("community");
            assertThat(page.title()).isEqualTo("Gemeenschap");
            assertThat(page.description()).isEqualTo("Wie de Belgische open biodiversiteitsdata-gemeenschap vormt");
            assertThat(page.heroImage()).isEqualTo("/assets/images/community.jpg");
            assertThat(page.heroImageCredit()).startsWith("Foto: *iemand*");
            assertThat(page.body()).startsWith("## Wie we zijn");
            assertThat(page.directoryBlocks()).containsExactly(new DirectoryBlock("MEMBER", "Belgische BIF-leden"),
                    new DirectoryBlock("PARTNER", "Internationale partners"));
        }).verifyComplete();
        assertThat(this.stub.requests()).containsExactly(COMMUNITY_NL);
    }

    @Test
    void readsPageWithoutOptionalFields() {
        StepVerifier.create(this.client.page("nl", "/nl/over")).assertNext((page) -> {
            assertThat(page.title()).isEqualTo("Over ons");
            assertThat(page.translationKey()).isNull();
            assertThat(page.description()).isNull();
            assertThat(page.heroImage()).isNull();
            assertThat(page.heroImageCredit()).isNull();
            assertThat(page.directoryBlocks()).isEmpty();
        }).verifyComplete();
    }

    @Test
    void aPathContentServiceRefusesIsNoPageNotAnOutage() {
        this.stub.respond("/api/content/v1/pages?lang=en&path=/" + "x".repeat(400), 400, "application/problem+json",
                "{\"status\":400,\"field\":\"path\",\"detail\":\"path: too long\"}");
        StepVerifier.create(this.client.page("en", "/" + "x".repeat(400))).verifyComplete();
    }

    @Test
    void aLiteratureIdContentServiceRefusesIsNoRecord() {
        this.stub.respond("/api/content/v1/literature/-odd", 400, "application/problem+json",
                "{\"status\":400,\"field\":\"id\",\"detail\":\"id: not a record id\"}");
        LiteratureClient literature = new LiteratureClient(ProviderClients.create(WebClient.builder(),
                new PortalProperties.Provider(URI.create(this.stub.baseUrl()), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), null)));
        StepVerifier.create(literature.record("-odd")).verifyComplete();
    }

    @Test
    void unknownPageIsEmpty() {
        StepVerifier.create(this.client.page("en", "/xx/nothing")).verifyComplete();
        assertThat(this.stub.requests()).containsExactly("/api/content/v1/pages?lang=en&path=/xx/nothing");
    }

    @Test
    void readsTranslations() {
        StepVerifier.create(this.client.translations("community"))
            .assertNext((translations) -> assertThat(translations).containsExactly(
                    new Translation("en", "/community", "Community"),
                    new Translation("fr", "/fr/community", "Communauté"),
                    new Translation("nl", "/nl/community", "Gemeenschap")))
            .verifyComplete();
    }

    @Test
    void serverErrorMeansUnavailable() {
        this.stub.failWith(500);
        StepVerifier.create(this.client.page("nl", "/nl/community"))
            .expectError(ContentUnavailableException.class)
            .verify();
        StepVerifier.create(this.client.translations("community"))
            .expectError(ContentUnavailableException.class)
            .verify();
    }

    @Test
    void closedConnectionMeansUnavailable() {
        this.stub.goDown();
        StepVerifier.create(this.client.page("nl", "/nl/community"))
            .expectError(ContentUnavailableException.class)
            .verify();
    }

    @Test
    void refusedConnectionMeansUnavailable() {
        ProviderStub gone = ProviderStub.start();
        String url = gone.baseUrl();
        gone.close();
        StepVerifier.create(clientOf(url, Duration.ofSeconds(2)).page("nl", "/nl/community"))
            .expectError(ContentUnavailableException.class)
            .verify();
    }

    @Test
    void slowAnswerMeansUnavailable() {
        this.stub.delayBy(Duration.ofSeconds(5));
        ContentClient impatient = clientOf(this.stub.baseUrl(), Duration.ofMillis(200));
        StepVerifier.create(impatient.page("nl", "/nl/community"))
            .expectError(ContentUnavailableException.class)
            .verify(Duration.ofSeconds(4));
    }

    /** Issues 15#5 and 19: answers over the codecs' default 256 KB buffer were a 503. */
    @Test
    void readsAOneMegabytePageAndABigListing() {
        String body = "Tekst. ".repeat(150_000);
        this.stub.respond("/api/content/v1/pages?lang=nl&path=/nl/big", 200, "application/json",
                "{\"lang\":\"nl\",\"permalink\":\"/nl/big\",\"title\":\"Groot\",\"body\":\"" + body + "\"}");
        StepVerifier.create(this.client.page("nl", "/nl/big"))
            .assertNext((page) -> assertThat(page.body()).hasSize(body.length()))
            .verifyComplete();
        StringBuilder listing = new StringBuilder("{\"offset\":0,\"count\":1000,\"endOfRecords\":true,\"results\":[");
        for (int i = 0; i < 1000; i++) {
            listing.append(i == 0 ? "" : ",").append("{\"lang\":\"nl\",\"permalink\":\"/nl/post/").append(i)
                .append("\",\"title\":\"").append("Een bericht met een lange titel ".repeat(10)).append("\"}");
        }
        this.stub.respond("/api/content/v1/pages?limit=1000&offset=0", 200, "application/json",
                listing.append("]}").toString());
        StepVerifier.create(this.client.everything(0, 1000))
            .assertNext((list) -> assertThat(list.items()).hasSize(1000))
            .verifyComplete();
    }

    private static ContentClient clientOf(String url, Duration responseTimeout) {
        return new ContentClient(ProviderClients.create(WebClient.builder(),
                new PortalProperties.Provider(URI.create(url), Duration.ofSeconds(1), responseTimeout, null)));
    }

}
