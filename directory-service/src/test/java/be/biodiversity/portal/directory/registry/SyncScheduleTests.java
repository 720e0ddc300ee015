package be.biodiversity.portal.directory.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.doAnswer;

class SyncScheduleTests {

    final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    final RegistrySync sync = mock(RegistrySync.class);
    final AtomicInteger runs = new AtomicInteger();
    SyncSchedule schedule;

    @AfterEach
    void stop() {
        schedule.stop();
        clock.dispose();
    }

    @Test
    void syncsAfterTheInitialDelayThenEveryIntervalUntilStopped() {
        schedule = schedule(true);
        schedule.start();
        clock.advanceTimeBy(Duration.ofSeconds(59));
        assertThat(runs).hasValue(0);
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(runs).hasValue(1);
        clock.advanceTimeBy(Duration.ofHours(24));
        assertThat(runs).hasValue(2);

        schedule.stop();
        clock.advanceTimeBy(Duration.ofDays(3));
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailedRunDoesNotStopTheSchedule() {
        schedule = schedule(true);
        doAnswer(call -> {
            runs.incrementAndGet();
            return Mono.error(new IllegalStateException("MongoDB is down"));
        }).when(sync).run(any());
        schedule.start();
        clock.advanceTimeBy(Duration.ofSeconds(60).plus(Duration.ofHours(24)));
        assertThat(runs).hasValue(2);
    }

    @Test
    void doesNothingWhenNotScheduled() {
        schedule = schedule(false);
        schedule.start();
        clock.advanceTimeBy(Duration.ofDays(3));
        assertThat(runs).hasValue(0);
        assertThat(schedule.isRunning()).isFalse();
    }

    private SyncSchedule schedule(boolean scheduled) {
        doAnswer(call -> {
            runs.incrementAndGet();
            return Mono.just(new SyncReport("id", "test-site", SyncReport.Trigger.SCHEDULED,
                    SyncReport.Status.COMPLETE, "Synced.", Instant.EPOCH, Instant.EPOCH, List.of(), 0, List.of(), 0,
                    0, List.of(), List.of(), List.of(), SyncReport.People.NONE));
        }).when(sync).run(any());
        SyncProperties properties = new SyncProperties("test-site", "BE", "", List.of(), Map.of(), scheduled,
                Duration.ofMinutes(1), Duration.ofHours(24), 20);
        return new SyncSchedule(sync, properties, clock);
    }
}
