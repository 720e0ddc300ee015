package be.biodiversity.portal.content.search;

import java.time.Duration;
import java.util.Set;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The site search, when it indexes every page again (at start, after an import, after a data file changed), reads
 * the pages without their folded search text: the embedded server holds a query's whole answer in memory until it is
 * read, and after a 20,000-page import that second copy of every body filled the heap.
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
