package be.biodiversity.portal.render.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What render-service needs from content-service, as a consumer-driven contract. Running it writes
 * {@code contracts/pacts/render-service-content-service.json}, which content-service's build verifies.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "content-service")
class ContentPactTests {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Pact(consumer = "render-service")
    V4Pact aPageByPath(PactDslWithProvider builder) {
        PactDslJsonBody page = new PactDslJsonBody();
        page.stringValue("lang", "nl")
            .stringValue("permalink", "/nl/community")
            .stringType("translationKey", "community")
            .stringType("title", "Gemeenschap")
            .stringType("description", "Wie in België open biodiversiteitsdata deelt en gebruikt")
            .stringType("heroImage", "/assets/portal/hero-community.svg")
            .stringType("heroImageCredit", "Illustratie: GBIF.be-portaalteam")
            .stringType("body", "## Wie we zijn")
            .stringType("html", "<h2 id=\"wie-we-zijn\">Wie we zijn</h2>")
            .object("frontMatter")
            .eachLike("directoryBlocks")
            .stringType("role", "MEMBER")
            .stringType("title", "Belgische BIF-leden")
            .closeArray()
            .closeObject()
            .object("resolved")
            .stringType("title", "Gemeenschap")
            .stringType("description", "Wie in België open biodiversiteitsdata deelt en gebruikt")
            .stringType("heroImage", "/assets/portal/hero-community.svg")
            .stringType("heroImageCredit", "Illustratie: GBIF.be-portaalteam")
            .object("frontMatter")
            .eachLike("directoryBlocks")
            .stringType("role", "MEMBER")
            .stringType("title", "Belgische BIF-leden")
            .closeArray()
            .closeObject()
            .closeObject();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the Dutch community page")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("lang=nl&path=/nl/community")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(page)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact noPageAtAPath(PactDslWithProvider builder) {
        return builder.given("the demo pages are loaded")
            .uponReceiving("a page that does not exist")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("lang=nl&path=/nl/nothing-here")
            .willRespondWith()
            .status(404)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theTranslationsOfAPage(PactDslWithProvider builder) {
        PactDslJsonArray translations = PactDslJsonArray.arrayMinLike(3)
            .stringType("lang", "nl")
            .stringType("permalink", "/nl/community")
            .stringType("title", "Gemeenschap")
            .closeObject()
            .asArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the translations of the community page")
            .method("GET")
            .path("/api/content/v1/pages/translations")
            .query("key=community")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(translations)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact aLiteratureSearch(PactDslWithProvider builder) {
        PactDslJsonBody results = new PactDslJsonBody();
        results.integerType("offset", 0).integerType("limit", 20).integerType("count", 2);
        results.minArrayLike("results", 2)
            .stringType("id", "b1f0c1e2-0001-4a00-9000-000000000001")
            .stringType("title", "Occupancy trends of freshwater fish in Flemish rivers")
            .integerType("year", 2024)
            .stringType("source", "Freshwater Biology Notes")
            .stringType("literatureType", "JOURNAL")
            .eachLike("authors")
            .stringType("firstName", "An")
            .stringType("lastName", "Peeters")
            .closeArray()
            .closeObject()
            .closeArray();
        results.minArrayLike("facets", 1)
            .stringType("field", "topics")
            .eachLike("counts")
            .stringType("name", "FRESHWATER")
            .integerType("count", 2)
            .closeArray()
            .closeObject()
            .closeArray();
        return builder.given("the sample literature is loaded")
            .uponReceiving("a literature search with a topic filter")
            .method("GET")
            .path("/api/content/v1/literature")
            .query("topics=FRESHWATER&offset=0&limit=20")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(results)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact aLiteratureRecord(PactDslWithProvider builder) {
        PactDslJsonBody record = new PactDslJsonBody();
        record.stringValue("id", "b1f0c1e2-0005-4a00-9000-000000000005")
            .stringType("title", "Modélisation de la répartition des chauves-souris en Wallonie")
            .integerType("year", 2020)
            .stringType("source", "Université de Liège")
            .stringType("literatureType", "THESIS")
            .stringType("abstract", "Ce mémoire modélise la répartition de douze espèces de chauves-souris.")
            .booleanType("openAccess", true)
            .booleanType("peerReview", false)
            .object("identifiers")
            .stringType("doi", "10.5555/gbif-be-sample.5")
            .closeObject();
        record.eachLike("authors").stringType("firstName", "Mathieu").stringType("lastName", "Renard").closeArray();
        record.eachLike("topics", PactDslJsonRootValue.stringType("SPECIES_DISTRIBUTIONS"));
        record.eachLike("websites", PactDslJsonRootValue.stringType("https://example.org/gbif-be-sample/5"));
        record.eachLike("gbifDownloadKey", PactDslJsonRootValue.stringType("0000005-240101000000000"));
        return builder.given("the sample literature is loaded")
            .uponReceiving("one literature record")
            .method("GET")
            .path("/api/content/v1/literature/b1f0c1e2-0005-4a00-9000-000000000005")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(record)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theNavigation(PactDslWithProvider builder) {
        // The navigation holds menus (text and links) and plain links (text and href): the array must have both.
        PactDslJsonBody data = new PactDslJsonBody();
        data.arrayContaining("content")
            .object()
            .stringType("text", "Over ons")
            .minArrayLike("menu", 1)
            .stringType("text", "Gemeenschap")
            .stringType("href", "/nl/community")
            .closeObject()
            .closeArray()
            .closeObject()
            .object()
            .stringType("text", "Nieuws")
            .stringType("href", "/nl/news")
            .closeObject()
            .closeArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the Dutch navigation")
            .method("GET")
            .path("/api/content/v1/data/navigation")
            .query("lang=nl")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(data)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theNewsOfALanguage(PactDslWithProvider builder) {
        PactDslJsonBody posts = new PactDslJsonBody();
        posts.integerType("offset", 0).integerType("count", 2);
        posts.minArrayLike("results", 1)
            .stringType("lang", "nl")
            .stringType("permalink", "/nl/post/2026/literature-search")
            .stringType("title", "Vind het onderzoek dat Belgische data gebruikt")
            .datetime("date", "yyyy-MM-dd'T'HH:mm:ss'Z'")
            .eachLike("categories", PactDslJsonRootValue.stringType("Portal"))
            .closeObject()
            .closeArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the Dutch news, newest first")
            .method("GET")
            .path("/api/content/v1/posts")
            .query("lang=nl&offset=0&limit=10")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(posts)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theCategoriesOfTheNews(PactDslWithProvider builder) {
        return builder.given("the demo pages are loaded")
            .uponReceiving("the categories of the Dutch news, for the archive's category links")
            .method("GET")
            .path("/api/content/v1/posts/categories")
            .query("lang=nl")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(au.com.dius.pact.consumer.dsl.PactDslJsonArray.arrayMinLike(1)
                .stringType("name", "Portal")
                .integerType("count", 2)
                .closeObject())
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "theCategoriesOfTheNews")
    void readsTheCategoriesOfTheNews(MockServer server) {
        List<PostCategory> categories = client(server).postCategories("nl").block(Duration.ofSeconds(5));
        assertThat(categories).isNotEmpty().allSatisfy((category) -> {
            assertThat(category.name()).isNotBlank();
            assertThat(category.count()).isPositive();
        });
    }

    @Pact(consumer = "render-service")
    V4Pact everyPageOfTheSite(PactDslWithProvider builder) {
        PactDslJsonBody pages = new PactDslJsonBody();
        pages.integerType("offset", 0).integerType("count", 15).booleanType("endOfRecords", true);
        pages.minArrayLike("results", 1)
            .stringType("lang", "nl")
            .stringType("permalink", "/nl/community")
            .stringType("translationKey", "community")
            .booleanType("noindex", false)
            .closeObject()
            .closeArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("every published page and post, for the sitemap")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("offset=0&limit=1000")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(pages)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theArchiveOfALanguage(PactDslWithProvider builder) {
        PactDslJsonBody pages = new PactDslJsonBody();
        pages.minArrayLike("results", 1)
            .stringType("lang", "nl")
            .stringType("permalink", "/nl/news")
            .closeObject()
            .closeArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the Dutch news archive page, for the links to it")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("lang=nl&layout=archive&offset=0&limit=1")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(pages)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theLatestPostsOfALanguage(PactDslWithProvider builder) {
        PactDslJsonBody posts = new PactDslJsonBody();
        posts.minArrayLike("results", 1)
            .stringType("lang", "nl")
            .stringType("permalink", "/nl/post/2026/literature-search")
            .stringType("title", "Vind het onderzoek dat Belgische data gebruikt")
            .datetime("date", "yyyy-MM-dd'T'HH:mm:ss'Z'")
            .closeObject()
            .closeArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the three newest Dutch posts, for a latest posts block")
            .method("GET")
            .path("/api/content/v1/posts")
            .query("lang=nl&offset=0&limit=3")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(posts)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact aPostByPath(PactDslWithProvider builder) {
        PactDslJsonBody post = new PactDslJsonBody();
        post.stringValue("lang", "nl")
            .stringValue("permalink", "/nl/post/2026/literature-search")
            .stringValue("kind", "post")
            .stringType("title", "Vind het onderzoek dat Belgische data gebruikt")
            .stringType("description", "De literatuurzoekfunctie toont publicaties.")
            .stringType("excerpt", "Onderzoekers en beleidsmakers hergebruiken de data die Belgische organisaties delen.")
            .datetime("date", "yyyy-MM-dd'T'HH:mm:ss'Z'")
            .object("resolved")
            .stringType("title", "Vind het onderzoek dat Belgische data gebruikt")
            .stringType("description", "De literatuurzoekfunctie toont publicaties.")
            .closeObject();
        return builder.given("the demo pages are loaded")
            .uponReceiving("a Dutch post by its permalink, for its excerpt and image")
            .method("GET")
            .path("/api/content/v1/pages")
            .query("lang=nl&path=/nl/post/2026/literature-search")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(post)
            .toPact(V4Pact.class);
    }

    @Pact(consumer = "render-service")
    V4Pact theSite(PactDslWithProvider builder) {
        PactDslJsonBody site = new PactDslJsonBody();
        site.stringType("key", "default")
            .stringValue("defaultLanguage", "en")
            .stringType("title", "GBIF.be")
            .stringType("description", "Open biodiversity data from and about Belgium")
            .stringType("email", "gbif@biodiversity.be")
            .object("privacy")
            .stringType("name", "Belgian Biodiversity Platform")
            .stringType("contactEmail", "gbif@biodiversity.be")
            .closeObject()
            .minArrayLike("languages", 1)
            .stringType("code", "en")
            .stringType("name", "English")
            .closeObject()
            .closeArray();
        return builder.given("the demo pages are loaded")
            .uponReceiving("the site's identity and languages")
            .method("GET")
            .path("/api/content/v1/site")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(site)
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "theSite")
    void readsTheSite(MockServer server) {
        SiteSettings site = client(server).site().block(Duration.ofSeconds(5));
        assertThat(site.title()).isNotBlank();
        assertThat(site.defaultLanguage()).isEqualTo("en");
        assertThat(site.languages()).isNotEmpty().allSatisfy((language) -> assertThat(language.code()).isNotBlank());
        assertThat(site.privacy().name()).isNotBlank();
    }

    @Test
    @PactTestFor(pactMethod = "theLatestPostsOfALanguage")
    void readsTheLatestPosts(MockServer server) {
        PageList posts = client(server).posts("nl", null, 0, 3).block(Duration.ofSeconds(5));
        assertThat(posts.items()).isNotEmpty().allSatisfy((post) -> {
            assertThat(post.permalink()).startsWith("/nl/");
            assertThat(post.date()).isNotNull();
        });
    }

    @Test
    @PactTestFor(pactMethod = "aPostByPath")
    void readsAPostsExcerpt(MockServer server) {
        Page post = client(server).page("nl", "/nl/post/2026/literature-search").block(Duration.ofSeconds(5));
        assertThat(post.isPost()).isTrue();
        assertThat(post.excerpt()).isNotBlank();
        assertThat(post.shownTitle()).isNotBlank();
    }

    @Test
    @PactTestFor(pactMethod = "theNewsOfALanguage")
    void readsTheNews(MockServer server) {
        PageList posts = client(server).posts("nl", null, 0, 10).block(Duration.ofSeconds(5));
        assertThat(posts.items()).isNotEmpty().allSatisfy((post) -> {
            assertThat(post.date()).isNotNull();
            assertThat(post.categoryList()).isNotEmpty();
        });
    }

    @Test
    @PactTestFor(pactMethod = "theArchiveOfALanguage")
    void readsWhereTheArchiveIs(MockServer server) {
        assertThat(client(server).archivePermalink("nl").block(Duration.ofSeconds(5))).isEqualTo("/nl/news");
    }

    @Test
    @PactTestFor(pactMethod = "everyPageOfTheSite")
    void readsEveryPage(MockServer server) {
        PageList pages = client(server).everything(0, 1000).block(Duration.ofSeconds(5));
        assertThat(pages.last()).isTrue();
        assertThat(pages.items()).allSatisfy((page) -> assertThat(page.translationKey()).isNotBlank());
    }

    /** The change feed, from a revision the service has (0): the fields the reader acts on. */
    @Pact(consumer = "render-service")
    V4Pact theChangesSinceARevision(PactDslWithProvider builder) {
        return builder.given("the demo pages are loaded")
            .uponReceiving("the changes since revision 0")
            .method("GET")
            .path("/api/content/v1/changes")
            .query("since=0")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(new PactDslJsonBody().integerType("revision", 42).booleanType("complete", true)
                .booleanType("more", false).integerType("through", 42))
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "theChangesSinceARevision")
    void readsTheChanges(MockServer server) {
        ContentChanges.Changes changes = PactClients.webClient(server).get()
            .uri("/api/content/v1/changes?since=0").retrieve().bodyToMono(ContentChanges.Changes.class)
            .block(Duration.ofSeconds(5));
        assertThat(changes.revision()).isEqualTo(42);
        assertThat(changes.complete()).isTrue();
        assertThat(changes.more()).isFalse();
    }

    @Pact(consumer = "render-service")
    V4Pact howMuchLiterature(PactDslWithProvider builder) {
        return builder.given("the sample literature is loaded")
            .uponReceiving("the number of literature records")
            .method("GET")
            .path("/api/content/v1/literature")
            .query("offset=0&limit=0")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(new PactDslJsonBody().integerType("count", 8))
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "howMuchLiterature")
    void countsTheLiterature(MockServer server) {
        assertThat(new LiteratureClient(PactClients.webClient(server)).search(Map.of(), 0, 0)
            .block(Duration.ofSeconds(5)).total()).isEqualTo(8);
    }

    @Test
    @PactTestFor(pactMethod = "theNavigation")
    void readsTheNavigation(MockServer server) {
        var navigation = client(server).data("navigation", "nl").block(Duration.ofSeconds(5));
        assertThat(navigation.get(0).get("text").asString()).isNotBlank();
        assertThat(navigation.get(0).get("menu").get(0).get("href").asString()).startsWith("/");
    }

    @Test
    @PactTestFor(pactMethod = "aLiteratureSearch")
    void searchesTheLiterature(MockServer server) {
        LiteratureResults results = new LiteratureClient(PactClients.webClient(server))
            .search(Map.of("topics", java.util.List.of("FRESHWATER")), 0, 20).block(Duration.ofSeconds(5));
        assertThat(results.total()).isEqualTo(2);
        assertThat(results.items()).hasSize(2).allSatisfy((r) -> assertThat(r.authorNames()).isNotBlank());
        assertThat(results.facetList().get(0).counts().get(0).count()).isPositive();
    }

    @Test
    @PactTestFor(pactMethod = "aLiteratureRecord")
    void readsALiteratureRecord(MockServer server) {
        Literature record = new LiteratureClient(PactClients.webClient(server))
            .record("b1f0c1e2-0005-4a00-9000-000000000005").block(Duration.ofSeconds(5));
        assertThat(record.doi()).isNotBlank();
        assertThat(record.abstractText()).isNotBlank();
        assertThat(record.gbifDownloadKey()).isNotEmpty();
    }

    @Test
    @PactTestFor(pactMethod = "aPageByPath")
    void readsAPage(MockServer server) {
        Page page = client(server).page("nl", "/nl/community").block(Duration.ofSeconds(5));
        assertThat(page.shownTitle()).isEqualTo("Gemeenschap");
        assertThat(page.html()).startsWith("<h2");
        assertThat(page.translationKey()).isEqualTo("community");
        assertThat(page.heroImageCredit()).isNotBlank();
        assertThat(page.directoryBlocks()).extracting(Page.DirectoryBlock::role).containsExactly("MEMBER");
    }

    @Test
    @PactTestFor(pactMethod = "noPageAtAPath")
    void readsTheAbsenceOfAPage(MockServer server) {
        assertThat(client(server).page("nl", "/nl/nothing-here").blockOptional(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    @PactTestFor(pactMethod = "theTranslationsOfAPage")
    void readsTheTranslations(MockServer server) {
        assertThat(client(server).translations("community").block(Duration.ofSeconds(5))).hasSize(3)
            .allSatisfy((t) -> assertThat(t.permalink()).startsWith("/"));
    }

    private static ContentClient client(MockServer server) {
        return new ContentClient(PactClients.webClient(server));
    }

    /** The site search page (search/SearchController). */
    @Pact(consumer = "render-service")
    V4Pact aSiteSearch(PactDslWithProvider builder) {
        PactDslJsonBody body = new PactDslJsonBody();
        body.integerType("count", 1)
            .eachLike("results")
            .stringType("kind", "page")
            .stringValue("lang", "nl")
            .stringType("permalink", "/nl/community")
            .stringType("title", "Gemeenschap")
            .stringType("snippet", "Wie in België open biodiversiteitsdata deelt en gebruikt")
            .closeArray();
        return builder.given("the demo pages are indexed for the site search")
            .uponReceiving("a site search in Dutch")
            .method("GET")
            .path("/api/content/v1/search")
            .query("q=gemeenschap&lang=nl&offset=0&limit=10")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(body)
            .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aSiteSearch")
    void searchesTheSite(MockServer server) {
        SiteSearchClient.Results results = new SiteSearchClient(PactClients.webClient(server))
            .search("gemeenschap", "nl", 0, 10).block(Duration.ofSeconds(5));
        assertThat(results.total()).isPositive();
        assertThat(results.items()).allSatisfy((hit) -> {
            assertThat(hit.permalink()).startsWith("/nl/");
            assertThat(hit.title()).isNotBlank();
            assertThat(hit.snippet()).isNotNull();
        });
    }
}
