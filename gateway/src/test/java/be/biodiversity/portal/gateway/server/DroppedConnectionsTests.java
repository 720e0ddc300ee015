package be.biodiversity.portal.gateway.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DroppedConnectionsTests {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    final DroppedConnections dropped = new DroppedConnections(Duration.ofSeconds(10), this.now::get);

    @Test
    void aFloodOfDropsIsOneSummaryLinePerInterval() {
        assertThat(this.dropped.dropped(DroppedConnections.Reason.HEADER_TIMEOUT, "192.0.2.1")).isNotNull();
        for (int i = 0; i < 10_000; i++) {
            this.now.addAndGet(500_000L);
            assertThat(this.dropped.dropped(DroppedConnections.Reason.HEADER_TIMEOUT, "192.0.2.1")).isNull();
        }
        this.now.addAndGet(Duration.ofSeconds(6).toNanos());
        String summary = this.dropped.dropped(DroppedConnections.Reason.PER_CLIENT_CAP, "192.0.2.2");

        assertThat(summary).contains("HEADER_TIMEOUT=10000").contains("PER_CLIENT_CAP=1").contains("192.0.2.2");
        assertThat(this.dropped.linesLogged()).isEqualTo(2);
    }
}
