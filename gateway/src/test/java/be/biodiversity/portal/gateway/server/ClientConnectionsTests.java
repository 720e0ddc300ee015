package be.biodiversity.portal.gateway.server;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientConnectionsTests {

    final ClientConnections connections = new ClientConnections(2, 5, Set.of("10.0.0.1"));

    @Test
    void anAddressHoldsAtMostItsShareAndGetsItBackWhenOneCloses() {
        assertThat(this.connections.open("192.0.2.1")).isEqualTo(ClientConnections.Admission.ADMITTED);
        assertThat(this.connections.open("192.0.2.1")).isEqualTo(ClientConnections.Admission.ADMITTED);
        assertThat(this.connections.open("192.0.2.1")).isEqualTo(ClientConnections.Admission.CLIENT_FULL);
        assertThat(this.connections.open("192.0.2.2")).isEqualTo(ClientConnections.Admission.ADMITTED);
        this.connections.closed("192.0.2.1");
        assertThat(this.connections.open("192.0.2.1")).isEqualTo(ClientConnections.Admission.ADMITTED);
        assertThat(this.connections.openInAll()).isEqualTo(3);
    }

    @Test
    void anAddressWithNoOpenConnectionIsForgotten() {
        this.connections.open("192.0.2.3");
        this.connections.closed("192.0.2.3");
        assertThat(this.connections.openFrom("192.0.2.3")).isZero();
    }

    @Test
    void aTrustedProxyIsNotCappedPerClientButCountsInAll() {
        for (int i = 0; i < 5; i++) {
            assertThat(this.connections.open("10.0.0.1")).isEqualTo(ClientConnections.Admission.ADMITTED);
        }
        assertThat(this.connections.openFrom("10.0.0.1")).isZero();
        assertThat(this.connections.open("192.0.2.9")).isEqualTo(ClientConnections.Admission.SERVER_FULL);
        this.connections.closed("10.0.0.1");
        assertThat(this.connections.open("192.0.2.9")).isEqualTo(ClientConnections.Admission.ADMITTED);
    }
}
