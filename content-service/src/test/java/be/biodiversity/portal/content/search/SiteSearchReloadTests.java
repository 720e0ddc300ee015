package be.biodiversity.portal.content.search;

import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.jekyll.JekyllImporter;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.ResolvedPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

/**
 * The site search, when it indexes every page again (at start, after an import, after a data file changed), reads
 * the pages without their folded search text: the embedded server holds a query's whole answer in memory until it is
 * read, and after a 20,000-page import that second copy of every body filled the heap. And it reads the site's data
 * once for all of them, not once a page (a query of the site revision each time: most of a 5,000-page reload).
 */
@SpringBootTest(properties = "spring.mongodb.database=content-search-reload")
class SiteSearchReloadTests {

    /** The fields each find on {@code pages} since the context started leaves out or takes (its projection). */
    static final Sinks.Many<Set<String>> pageFinds = Sinks.many().replay().all();

    @TestConfiguration
    static class RecordFinds {

        @Bean
        MongoClientSettingsBuilderCustomizer recordFinds() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    if (event.getCommandName().equals("find") && command.getString("find").getValue().equals("pages")) {
                        // copied now: the command's document is released once the listener returns
                        pageFinds.tryEmitNext(command.containsKey("projection")
                                ? Set.copyOf(command.getDocument("projection").keySet()) : Set.of());
                    }
                }
            });
        }
    }

    @Autowired
    SiteSearchFollower follower;

    @Autowired
    ReactiveMongoTemplate mongo;

    @MockitoSpyBean
    SiteDataService data;

    @MockitoSpyBean
    ResolvedPages resolvedPages;

    @Autowired
    JekyllImporter importer;

    @Autowired
    SiteSearchIndex index;

    /**
     * The import resolved every page to check it: the search indexes each published page as the import resolved it
     * and does not resolve it again (the pages of the module's own small site, front matter of every kind).
     */
    @Test
    void anImportsPagesAreIndexedAsItsChecksResolvedThem() throws Exception {
        clearInvocations(resolvedPages);
        // replacing what was stored (the demo site of the first start): the data are the import's own
        importer.importFolder(Path.of(getClass().getResource("/jekyll/site/_config.yml").toURI()).getParent(), false,
                true, "test").block(Duration.ofSeconds(60));
        Set<String> imported = Set.copyOf(mongo.find(Query.query(Criteria.where("sourcePath").ne(null)
                .and("status").is(Page.PUBLISHED)), Page.class).map(Page::id).collectList()
                .block(Duration.ofSeconds(30)));
        assertThat(imported).hasSizeGreaterThan(5);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!index.keys().containsAll(imported) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(index.keys()).containsAll(imported);
        verify(resolvedPages, never()).forSearch(argThat(page -> page.sourcePath() != null), any());
    }

    @Test
    void everyPageIsResolvedAgainstTheSiteDataReadOnce() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<Page> pages = IntStream.range(0, 40).mapToObj(i -> new Page(run + "-" + i, "en", "/reload-" + run + i, null,
                "Reload " + i, null, null, null, "Page **" + i + "** of {{ site.title | default: 'the site' }}.",
                Map.of(), null, Instant.now(), Page.PAGE, null, List.of(), null, null, Page.PUBLISHED, "test", null,
                null, null, null)).toList();
        // the follower indexes each new page as it comes (reading the data for each): awaited, then not counted
        var applied = follower.applied().filter(change -> change.id() != null && change.id().startsWith(run)).take(40).then().toFuture();
        mongo.insertAll(pages).blockLast(Duration.ofSeconds(30));
        applied.get(60, java.util.concurrent.TimeUnit.SECONDS);
        clearInvocations(data);

        Long indexed = follower.indexAll().block(Duration.ofSeconds(60));

        assertThat(indexed).isGreaterThanOrEqualTo(40L);
        verify(data, atMost(1)).context();
    }

    @Test
    void everyPageIsReadWithoutItsSearchTextButWithItsBody() {
        StepVerifier.create(pageFinds.asFlux()
                        .filter(projection -> projection.contains("searchText") && !projection.contains("body"))
                        .next())
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }
}
