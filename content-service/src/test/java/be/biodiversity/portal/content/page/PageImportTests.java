package be.biodiversity.portal.content.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import be.biodiversity.portal.content.revision.SiteRevision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer writes new pages in bulk: one insert command per {@value PageWriter#INSERT_CHUNK} pages (and no
 * history: each carries its own first revision), not a round trip per page; a changed page is one replace of that
 * one document.
 */
@SpringBootTest(properties = { "spring.mongodb.database=content-bulk", "portal.content.load-demo=false" })
class PageImportTests {

    /** Insert and update commands sent to MongoDB, per collection. */
    static final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

    @TestConfiguration
    static class CountWrites {

        @Bean
        MongoClientSettingsBuilderCustomizer countWrites() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    String name = event.getCommandName();
                    if (name.equals("insert") || name.equals("update") || name.equals("findAndModify")) {
                        writes.computeIfAbsent(name + " " + event.getCommand().getString(name).getValue(),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
    }

    @Autowired
    PageWriter writer;

    @Autowired
    PageService pages;

    @Autowired
    SiteRevision revision;

    private static NewPage page(int n, String title) {
        return new NewPage("nl", "/nl/bulk/" + n, "bulk-" + n, title, null, null, null, "Tekst " + n + ".", null,
                Page.PAGE, null, null, null, Page.PUBLISHED);
    }

    private static int count(String command) {
        AtomicInteger n = writes.get(command);
        return n == null ? 0 : n.get();
    }

    @Test
    void newPagesAreInsertedInBulkAndAChangedOneIsOneReplace() {
        List<PageWriter.Imported> items = new ArrayList<>();
        for (int n = 0; n < 1_200; n++) {
            items.add(new PageWriter.Imported(page(n, "Pagina " + n), null, "nl/bulk/" + n + ".md", "hash-" + n));
        }
        writes.clear();
        assertThat(revision.batch(writer.importPages(items, "importer")).block()).isEqualTo(1_200);
        assertThat(count("insert pages")).as("inserts of pages").isEqualTo(1_200 / PageWriter.INSERT_CHUNK);
        assertThat(count("insert pageRevisions")).as("no history: each new page carries its first revision").isZero();
        assertThat(pages.countAll().block()).isEqualTo(1_200);

        Page stored = pages.stored().filter(p -> "/nl/bulk/7".equals(p.permalink())).blockFirst();
        assertThat(stored.body()).as("compared without its text").isNull();
        writes.clear();
        revision.batch(writer.importPages(List.of(new PageWriter.Imported(page(7, "Gewijzigd"), stored,
                "nl/bulk/7.md", "hash-7b")), "importer")).block();
        assertThat(count("insert pages")).isZero();
        assertThat(count("update pages")).as("one replace of the changed page").isEqualTo(1);
        assertThat(pages.find("nl", "/nl/bulk/7", false).block().title()).isEqualTo("Gewijzigd");
        assertThat(pages.find("nl", "/nl/bulk/7", false).block().body()).isEqualTo("Tekst 7.");
    }
}
