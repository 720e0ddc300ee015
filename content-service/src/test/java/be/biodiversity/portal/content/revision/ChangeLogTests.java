package be.biodiversity.portal.content.revision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision and its log stay consistent without transactions: writers that finish out of order, a writer
 * that dies between taking a number and writing its entry, many writers at once. Interleavings are driven step by
 * step (take a number, write the entry, move the watermark), so each runs the same way every time. (The web
 * environment only so that it shares one Spring context with the other change-feed tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-changes",
        "portal.content.load-demo=false" })
@AutoConfigureWebTestClient(timeout = "PT120S")
class ChangeLogTests {

    @Autowired
    ChangeLog log;

    @Autowired
    ChangeFeed feed;

    @Autowired
    ReactiveMongoTemplate mongo;

    private static List<Change> page(String path) {
        return List.of(Change.page("nl", path, "page", false));
    }

    private long watermark() {
        return log.counter().block().revision();
    }

    private List<String> pathsSince(long since) {
        Changes changes = feed.since(since).block();
        assertThat(changes.complete()).isTrue();
        return changes.changes().stream().map(e -> e.revision() + " " + (e.path() == null ? e.scope() : e.path()))
                .toList();
    }

    @Test
    void aWriterThatFinishesFirstDoesNotLetReadersSkipTheOneStillWriting() {
        long start = watermark();
        long a = log.allocate().block();
        long b = log.allocate().block();
        assertThat(b).isEqualTo(a + 1);

        log.store(b, page("/nl/b")).block();
        // b is written, a is not: readers must not see b yet, or a reader at b would never read a
        assertThat(watermark()).isEqualTo(start);
        assertThat(feed.since(start).block().changes()).isEmpty();
        assertThat(feed.since(start).block().revision()).isEqualTo(start);

        log.store(a, page("/nl/a")).block();
        assertThat(watermark()).isEqualTo(b);
        assertThat(pathsSince(start)).containsExactly(a + " /nl/a", b + " /nl/b");
    }

    @Test
    void theLastWriterCarriesTheWatermarkOverAnEarlierOneThatHadNotMovedItYet() {
        long start = watermark();
        long a = log.allocate().block();
        long b = log.allocate().block();
        // a wrote its entry but has not moved the watermark yet (it is between the two steps)
        mongo.insert(new ChangeRecord(a, ChangeRecord.DEFAULT_SITE, Instant.now(), page("/nl/a"))).block();
        log.store(b, page("/nl/b")).block();
        assertThat(watermark()).isEqualTo(b);
        assertThat(log.advance().block()).as("a's own step finds nothing left to do").isEqualTo(b);
        assertThat(pathsSince(start)).containsExactly(a + " /nl/a", b + " /nl/b");
    }

    @Test
    void aNumberTakenButNeverWrittenBecomesASiteWideChangeAfterTheGracePeriod() {
        long start = watermark();
        long lost = log.allocate().block();
        long after = log.record(page("/nl/after")).block();
        assertThat(watermark()).isEqualTo(start);

        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        log.repair(t0).block();
        log.repair(t0.plus(Duration.ofSeconds(29))).block();
        assertThat(watermark()).as("within the grace period the writer may still come").isEqualTo(start);

        log.repair(t0.plus(Duration.ofSeconds(30))).block();
        assertThat(watermark()).isEqualTo(after);
        assertThat(pathsSince(start)).containsExactly(lost + " site", after + " /nl/after");

        // the writer comes back late: its number is taken, so its change is recorded anew, not lost
        long late = log.store(lost, page("/nl/late")).block();
        assertThat(late).isGreaterThan(after);
        assertThat(pathsSince(after)).containsExactly(late + " /nl/late");
    }

    @Test
    void anEntryWrittenByAWriterThatFailedBeforeItsStepIsPassedByTheRepair() {
        long start = watermark();
        long a = log.allocate().block();
        mongo.insert(new ChangeRecord(a, ChangeRecord.DEFAULT_SITE, Instant.now(), page("/nl/stuck"))).block();
        assertThat(watermark()).isEqualTo(start);
        log.repair(Instant.now()).block();
        assertThat(watermark()).isEqualTo(a);
        assertThat(pathsSince(start)).containsExactly(a + " /nl/stuck");
    }

    @Test
    void manyWritersAtOnceLeaveEveryRevisionWrittenAndTheWatermarkAtTheLast() {
        long start = watermark();
        List<Long> written = Flux.range(0, 40).flatMap(i -> log.record(page("/nl/p" + i)), 8).collectList().block();
        long last = start + 40;
        assertThat(written).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 40).mapToObj(i -> start + i).toList());
        assertThat(watermark()).isEqualTo(last);
        assertThat(log.counter().block().allocated()).isEqualTo(last);
        assertThat(pathsSince(start)).hasSize(40);
    }

    @Test
    void aCounterFromBeforeTheLogContinuesAboveItsRevisionAndOlderRevisionsAreIncomplete() {
        long start = watermark();
        // what the old SiteRevision wrote: `revision` only, moved by $inc
        mongo.updateFirst(Query.query(Criteria.where("_id").is("site")),
                new org.springframework.data.mongodb.core.query.Update().inc("revision", 5L).unset("allocated"),
                ChangeLog.COUNTER).block();
        long n = log.record(page("/nl/new")).block();
        assertThat(n).isEqualTo(start + 6);
        assertThat(watermark()).isEqualTo(n);
        assertThat(pathsSince(start + 5)).containsExactly(n + " /nl/new");
        assertThat(feed.since(start + 4).block().complete()).as("revision start+5 has no entry").isFalse();
    }

    @Test
    void theLogKeepsTheNewestRevisionsAndAReaderBehindThemIsToldItIsIncomplete() {
        ChangeLog small = new ChangeLog(mongo, new ChangesProperties(3, null, null));
        ChangeFeed smallFeed = new ChangeFeed(small);
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            revisions.add(small.record(page("/nl/t" + i)).block());
        }
        long last = revisions.get(4);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(last - 3)), ChangeRecord.class).block()).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(last - 2)), ChangeRecord.class).block()).isTrue();

        Changes kept = smallFeed.since(last - 3).block();
        assertThat(kept.complete()).isTrue();
        assertThat(kept.changes()).extracting(Changes.Entry::path).containsExactly("/nl/t2", "/nl/t3", "/nl/t4");
        Changes behind = smallFeed.since(last - 4).block();
        assertThat(behind.complete()).isFalse();
        assertThat(behind.changes()).isEmpty();
        assertThat(behind.revision()).isEqualTo(last);
        assertThat(smallFeed.since(last + 1).block().complete()).as("a revision not reached yet is unknown").isFalse();
    }

    @Test
    void oneAnswerReadsOnlySoManyWindowsAndSaysWhereToGoOn() {
        ChangeFeed narrow = new ChangeFeed(log, 2, 2);
        long start = watermark();
        for (int i = 0; i < 5; i++) {
            // a draft's edit moves the revision and lists nothing
            log.record(List.of()).block();
        }
        long last = log.record(page("/nl/after-drafts")).block();
        Changes first = narrow.since(start).block();
        assertThat(first.complete()).isTrue();
        assertThat(first.more()).isTrue();
        assertThat(first.changes()).isEmpty();
        assertThat(first.through()).isEqualTo(start + 4);
        Changes rest = narrow.since(first.through()).block();
        assertThat(rest.more()).isFalse();
        assertThat(rest.changes()).extracting(Changes.Entry::path).containsExactly("/nl/after-drafts");
        assertThat(rest.through()).isEqualTo(last);
    }
}
