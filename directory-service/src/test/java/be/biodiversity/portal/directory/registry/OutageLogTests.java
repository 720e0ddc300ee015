package be.biodiversity.portal.directory.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class OutageLogTests {

    final Logger logger = (Logger) LoggerFactory.getLogger(OutageLog.class);
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final OutageLog outages = new OutageLog();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void logsOneWarningPerOutageAndOneLineWhenGbifAnswersAgain() {
        outages.record(report(SyncReport.Status.UNREACHABLE), Duration.ofHours(24));
        outages.record(report(SyncReport.Status.UNREACHABLE), Duration.ofHours(24));
        outages.record(report(SyncReport.Status.PARTIAL), Duration.ofHours(24));
        outages.record(report(SyncReport.Status.COMPLETE), Duration.ofHours(24));
        outages.record(report(SyncReport.Status.COMPLETE), Duration.ofHours(24));
        outages.record(report(SyncReport.Status.UNREACHABLE), Duration.ofHours(24));

        assertThat(lines.list).filteredOn(line -> line.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN);
        assertThat(lines.list.get(0).getFormattedMessage()).contains("GBIF answered 503");
    }

    private static SyncReport report(SyncReport.Status status) {
        return new SyncReport("id", "test-site", SyncReport.Trigger.SCHEDULED, status,
                status == SyncReport.Status.COMPLETE ? "Synced." : "GBIF answered 503", Instant.EPOCH, Instant.EPOCH,
                List.of(), 0, List.of(), 0, 0, List.of(), List.of(), List.of(), SyncReport.People.NONE);
    }
}
