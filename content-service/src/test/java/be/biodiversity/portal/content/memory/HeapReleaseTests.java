package be.biodiversity.portal.content.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class HeapReleaseTests {

    private static final long MB = 1024 * 1024;

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final FakeHeap heap = new FakeHeap();
    private final HeapRelease release = new HeapRelease(
            new MemoryProperties(true, Duration.ofSeconds(2), DataSize.ofMegabytes(16), 40), heap, time);

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void aJobThatGrewTheHeapIsFollowedByOneCollectionOnceItSettled() {
        Sinks.One<String> job = Sinks.one();
        release.during(job.asMono()).subscribe();
        release.widen();
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(40, 100));
        heap.committed = 200 * MB;
        job.tryEmitValue("imported");

        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(10, 30));
        time.advanceTimeBy(Duration.ofMillis(1999));
        assertThat(heap.collections).isZero();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(heap.collections).isEqualTo(1);
        time.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void onlyAJobThatWidensGrowsTheHeapInLargeSteps() {
        release.widen();
        assertThat(heap.ratioChanges).as("no job runs").isEmpty();
        Sinks.One<String> small = Sinks.one();
        release.during(small.asMono()).subscribe();
        assertThat(heap.ratios).as("a small import keeps the JVM's ratios").isEqualTo(new JvmHeap.FreeRatios(10, 30));
        release.widen();
        release.widen();
        assertThat(heap.ratioChanges).containsExactly(new JvmHeap.FreeRatios(40, 100));
        small.tryEmitValue("imported");
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(10, 30));
        release.widen();
        assertThat(heap.ratioChanges).as("the job ended").hasSize(2);
    }

    @Test
    void aSmallJobNeverPausesTheService() {
        heap.committed = 100 * MB;
        release.during(Mono.fromRunnable(() -> heap.committed += 15 * MB)).subscribe();
        time.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(heap.collections).isZero();
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(10, 30));
    }

    @Test
    void jobsThatFollowEachOtherShareOneCollectionAfterTheLast() {
        Sinks.One<String> imported = Sinks.one();
        Sinks.One<String> indexed = Sinks.one();
        release.during(imported.asMono()).subscribe();
        release.widen();
        heap.committed = 160 * MB;
        imported.tryEmitValue("import");
        time.advanceTimeBy(Duration.ofSeconds(1));
        // the re-index starts before the import's memory was released: it counts from the import's start, and
        // keeps the JVM's ratios (its garbage, not its live data, grows the heap)
        release.after(indexed.asMono()).subscribe();
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(10, 30));
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(heap.collections).isZero();
        indexed.tryEmitValue("reindex");
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(heap.collections).isEqualTo(1);
        assertThat(heap.ratioChanges).containsExactly(new JvmHeap.FreeRatios(40, 100), new JvmHeap.FreeRatios(10, 30),
                new JvmHeap.FreeRatios(10, 10), new JvmHeap.FreeRatios(10, 30));
        assertThat(heap.collectedWith).as("collected keeping the least free share").containsExactly(
                new JvmHeap.FreeRatios(10, 10));
    }

    @Test
    void anImportDuringAReindexGrowsInLargeStepsUntilTheImportEnds() {
        Sinks.One<String> indexed = Sinks.one();
        Sinks.One<String> imported = Sinks.one();
        release.after(indexed.asMono()).subscribe();
        release.during(imported.asMono()).subscribe();
        release.widen();
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(40, 100));
        heap.committed = 200 * MB;
        imported.tryEmitValue("import");
        assertThat(heap.ratios).as("back once the import ends").isEqualTo(new JvmHeap.FreeRatios(10, 30));
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(heap.collections).as("the re-index still runs").isZero();
        indexed.tryEmitValue("reindex");
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void aFailedJobGivesItsMemoryBackToo() {
        release.during(Mono.error(new IllegalStateException("archive refused")).doFirst(() -> heap.committed = 300 * MB))
                .subscribe(v -> { }, e -> { });
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(heap.collections).isEqualTo(1);
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(10, 30));
    }

    @Test
    void switchedOffItNeverCollectsAndAJvmWithoutSettableRatiosIsLeftAlone() {
        HeapRelease off = new HeapRelease(new MemoryProperties(false, Duration.ofSeconds(2), DataSize.ofMegabytes(16), 0),
                heap, time);
        off.during(Mono.fromRunnable(() -> heap.committed = 500 * MB)).subscribe();
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(heap.collections).isZero();
        assertThat(heap.ratioChanges).isEmpty();

        heap.settable = false;
        release.during(Mono.fromRunnable(() -> heap.committed = 900 * MB)).subscribe();
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(heap.ratioChanges).isEmpty();
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void aJvmThatRefusesTheRatiosStillRunsTheJobAndCollectsAfter() {
        heap.refuse = true;
        String result = release.during(Mono.fromCallable(() -> {
            heap.committed = 400 * MB;
            return "imported";
        })).block();
        assertThat(result).isEqualTo("imported");
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(heap.collections).isEqualTo(1);
        assertThat(heap.ratios).isEqualTo(new JvmHeap.FreeRatios(10, 30));
    }

    @Test
    void theRunningJvmsRatiosCanBeReadAndSetBack() {
        JvmHeap jvm = JvmHeap.running();
        JvmHeap.FreeRatios now = jvm.freeRatios();
        assertThat(now).isNotNull();
        try {
            jvm.freeRatios(new JvmHeap.FreeRatios(45, 100));
            assertThat(jvm.freeRatios()).isEqualTo(new JvmHeap.FreeRatios(45, 100));
        }
        finally {
            jvm.freeRatios(now);
        }
        assertThat(jvm.freeRatios()).isEqualTo(now);
        assertThat(jvm.committed()).isPositive();
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MemoryProperties(null, null, null, 95))
                .hasMessageContaining("portal.content.memory.bulk-headroom");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MemoryProperties(null, Duration.ofSeconds(-1), null, null))
                .hasMessageContaining("portal.content.memory.settle");
    }

    private static final class FakeHeap implements JvmHeap {

        long committed = 100 * MB;
        int collections;
        boolean settable = true;
        FreeRatios ratios = new FreeRatios(10, 30);
        final List<FreeRatios> ratioChanges = new ArrayList<>();

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public FreeRatios freeRatios() {
            return settable ? ratios : null;
        }

        boolean refuse;

        @Override
        public void freeRatios(FreeRatios ratios) {
            if (refuse) {
                throw new IllegalArgumentException("MinHeapFreeRatio cannot be set");
            }
            this.ratios = ratios;
            ratioChanges.add(ratios);
        }

        final List<FreeRatios> collectedWith = new ArrayList<>();

        @Override
        public void collect() {
            collectedWith.add(ratios);
            collections++;
            committed = 120 * MB;
        }
    }
}
