package be.biodiversity.portal.content.literature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule on virtual time: no test waits for a real interval. */
class LiteratureSyncScheduleTests {

    static SyncProperties every(Duration interval) {
        return new SyncProperties(List.of("countriesOfResearcher=BE"), interval, Duration.ofMinutes(1), null, null,
                null, null);
    }

    static SyncReport report(String trigger) {
        return new SyncReport(null, "default", trigger, Instant.EPOCH, Instant.EPOCH, SyncReport.Status.COMPLETE,
                null, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    @Test
    void syncsAfterTheInitialDelayThenEveryIntervalAndGoesOnAfterAFailure() {
        AtomicInteger calls = new AtomicInteger();
        LiteratureSyncSchedule schedule = new LiteratureSyncSchedule(trigger -> calls.incrementAndGet() == 2
                ? Mono.error(new IllegalStateException("MongoDB went away")) : Mono.just(report(trigger)),
                every(Duration.ofHours(24)));

        StepVerifier.withVirtualTime(schedule::runs)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(r -> assertThat(r.trigger()).isEqualTo("schedule"))
                .thenAwait(Duration.ofHours(24)) // the second run fails: logged, no report, the schedule goes on
                .expectNoEvent(Duration.ofHours(23))
                .thenAwait(Duration.ofHours(1))
                .expectNextCount(1)
                .thenCancel()
                .verify();
        assertThat(calls).hasValue(3);
    }

    @Test
    void noScheduleWithoutAnIntervalOrAQuery() {
        assertThat(every(Duration.ZERO).scheduled()).isFalse();
        assertThat(new SyncProperties(List.of(), Duration.ofHours(1), null, null, null, null, null).scheduled()).isFalse();
        assertThat(every(Duration.ofHours(1)).scheduled()).isTrue();

        LiteratureSyncSchedule off = new LiteratureSyncSchedule(trigger -> Mono.just(report(trigger)),
                every(Duration.ZERO));
        off.start();
        assertThat(off.isRunning()).isFalse();
    }
}
