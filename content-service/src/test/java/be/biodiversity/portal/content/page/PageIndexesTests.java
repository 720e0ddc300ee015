package be.biodiversity.portal.content.page;

import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import be.biodiversity.portal.testsupport.Skips;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real MongoDB, the queries this service still sends for pages (a page by language and permalink, editors'
 * listings, translations, history, the change log) use the indexes the documents declare: {@code explain} shows
 * an index scan of the named index, no collection scan. Needs Docker (Testcontainers {@code mongo:8}); skipped,
 * saying so, without it. (The embedded server has no secondary indexes: what visitors read there comes from the
 * unique index or the in-memory index of published pages, see {@link PublishedPagesTests}.)
 */
class PageIndexesTests {

    private static MongoDBContainer container;
    private static MongoClient client;
    private static MongoCollection<Document> pages;
    private static MongoCollection<Document> revisions;

    @BeforeAll
    static void startMongo() {
        boolean docker;
        try {
            docker = !"false".equals(System.getProperty("portal.test.docker"))
                    && DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            docker = false;
        }
        Skips.unless(docker, "PageIndexesTests skipped: no Docker here, so no real MongoDB to explain the queries on");
        container = new MongoDBContainer("mongo:8");
        container.start();
        client = MongoClients.create(container.getConnectionString());
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "content");
        MongoMappingContext mapping = new MongoMappingContext();
        MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(mapping);
        for (Class<?> type : List.of(Page.class, PageRevision.class)) {
            Flux.fromIterable(resolver.resolveIndexFor(type))
                    .concatMap(index -> mongo.indexOps(type).createIndex(index)).then().block();
        }
        pages = client.getDatabase("content").getCollection("pages");
        revisions = client.getDatabase("content").getCollection("pageRevisions");
        for (int i = 0; i < 200; i++) {
            String lang = List.of("en", "nl", "fr").get(i % 3);
            Mono.from(pages.insertOne(new Document("lang", lang).append("permalink", "/p/" + i)
                    .append("kind", i % 2 == 0 ? "post" : "page").append("status", "published")
                    .append("translationKey", "k" + i / 3).append("date", new java.util.Date(i * 86_400_000L))))
                    .block();
            Mono.from(revisions.insertOne(new Document("pageId", "id" + i).append("version", 0L))).block();
        }
    }

    @AfterAll
    static void stopMongo() {
        if (client != null) {
            client.close();
        }
        if (container != null) {
            container.stop();
        }
    }

    private static String winningPlan(MongoCollection<Document> collection, Bson filter, Bson sort) {
        Document explain = Mono.from(collection.find(filter).sort(sort).explain()).block();
        Document planner = explain.get("queryPlanner", Document.class);
        return planner.get("winningPlan", Document.class).toJson();
    }

    @Test
    void aPageByLanguageAndPermalinkUsesTheUniqueIndex() {
        String plan = winningPlan(pages, and(eq("lang", "nl"), eq("permalink", "/p/1")), null);
        assertThat(plan).contains("lang_permalink").doesNotContain("COLLSCAN");
    }

    @Test
    void aListingOfPostsOfALanguageNewestFirstUsesKindLangDate() {
        String plan = winningPlan(pages, and(eq("kind", "post"), eq("lang", "nl"), eq("status", "published")),
                orderBy(descending("date"), ascending("permalink")));
        assertThat(plan).contains("kind_lang_date").doesNotContain("COLLSCAN");
    }

    @Test
    void translationsUseTheTranslationKeyIndex() {
        String plan = winningPlan(pages, and(eq("translationKey", "k3"), eq("status", "published")),
                ascending("lang"));
        assertThat(plan).contains("translationKey").doesNotContain("COLLSCAN");
    }

    @Test
    void theHistoryOfAPageUsesPageVersion() {
        String plan = winningPlan(revisions, and(eq("pageId", "id3"), eq("version", 0L)), descending("at"));
        assertThat(plan).contains("page_version").doesNotContain("COLLSCAN");
    }

    @Test
    void pagesReadAgainByIdUseTheIdIndex() {
        String plan = winningPlan(pages, in("_id", List.of(new org.bson.types.ObjectId(),
                new org.bson.types.ObjectId())), null);
        assertThat(plan).doesNotContain("COLLSCAN");
    }
}
