package be.biodiversity.portal.gateway.server;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientConnectionsTests {

    final ClientConnections connections = new ClientConnections(2, Set.of("10.0.0.1"));

    @Test
    void anAddressHoldsAtMostItsShareAndGetsItBackWhenOneCloses() {
        assertThat(this.connections.open("192.0.2.1")).isTrue();
        assertThat(this.connections.open("192.0.2.1")).isTrue();
        assertThat(this.connections.open("192.0.2.1")).isFalse();
        assertThat(this.connections.open("192.0.2.2")).isTrue();
        this.connections.closed("192.0.2.1");
        assertThat(this.connections.open("192.0.2.1")).isTrue();
    }

    @Test
    void anAddressWithNoOpenConnectionIsForgotten() {
        this.connections.open("192.0.2.3");
        this.connections.closed("192.0.2.3");
        assertThat(this.connections.openFrom("192.0.2.3")).isZero();
    }

    @Test
    void aTrustedProxyIsNotCapped() {
        for (int i = 0; i < 100; i++) {
            assertThat(this.connections.open("10.0.0.1")).isTrue();
        }
        assertThat(this.connections.openFrom("10.0.0.1")).isZero();
    }
}
