package be.biodiversity.portal.content.revision;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

class BulkWritesTests {

    @Test
    void runningFromTheFirstBulkWriteStartedUntilTheLastEndedAlsoWhenOneFails() {
        BulkWrites bulk = new BulkWrites();
        List<Boolean> states = new CopyOnWriteArrayList<>();
        bulk.running().subscribe(states::add);
        Sinks.One<String> first = Sinks.one();
        Sinks.One<String> second = Sinks.one();

        bulk.during(first.asMono()).subscribe(v -> { }, e -> { });
        bulk.during(second.asMono()).subscribe(v -> { }, e -> { });
        assertThat(states).containsExactly(false, true);
        first.tryEmitError(new IllegalStateException("the database went away"));
        assertThat(states).as("the other one still runs").containsExactly(false, true);
        second.tryEmitValue("done");
        assertThat(states).containsExactly(false, true, false);

        bulk.during(Mono.just("again")).block();
        assertThat(states).containsExactly(false, true, false, true, false);
    }

    @Test
    void aLateSubscriberSeesTheCurrentState() {
        BulkWrites bulk = new BulkWrites();
        Sinks.One<String> writes = Sinks.one();
        bulk.during(writes.asMono()).subscribe();
        assertThat(bulk.running().blockFirst()).isTrue();
        writes.tryEmitValue("done");
        assertThat(bulk.running().blockFirst()).isFalse();
    }
}
