package be.biodiversity.portal.gateway.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.server.*}: what one connection, one client address and all clients together may hold of the
 * public port. The management port is not limited by these (see {@link ManagementServerConfiguration}).
 *
 * @param headerTimeout a connection must deliver a request's complete header within this time of opening, or of
 *     the first byte of its next request; else it is closed (slow-header floods)
 * @param bodyReadTimeout longest pause between two reads of a request body
 * @param maxConnectionsPerClient open connections one client address may hold; more are closed at once
 * @param trustedProxies addresses (exact, e.g. the Ingress controller's) exempt from the per-client cap: behind an
 *     Ingress every connection comes from it, and the Ingress must cap per client itself. By default the machine
 *     itself (loopback: a local proxy, probes)
 * @param maxConnections open connections on the public port; past it a new connection is closed at once.
 *     {@code 0}: the process' file-descriptor limit less {@code reservedDescriptors}
 * @param reservedDescriptors with {@code maxConnections=0}: descriptors left for the management port, the
 *     connections to the services and files
 * @param dropLogInterval connections closed by these limits are logged as one summary line per interval
 */
@ConfigurationProperties("portal.server")
public record EdgeServerProperties(
        @DefaultValue("5s") Duration headerTimeout,
        @DefaultValue("20s") Duration bodyReadTimeout,
        @DefaultValue("128") int maxConnectionsPerClient,
        @DefaultValue({ "127.0.0.1", "::1", "0:0:0:0:0:0:0:1" }) List<String> trustedProxies,
        @DefaultValue("0") int maxConnections,
        @DefaultValue("1024") int reservedDescriptors,
        @DefaultValue("10s") Duration dropLogInterval) {

    public EdgeServerProperties {
        if (maxConnectionsPerClient < 1 || maxConnections < 0 || headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("portal.server: max-connections-per-client >= 1, max-connections >= 0 "
                    + "and a positive header-timeout are needed");
        }
    }

    /** The cap on the public port's connections: configured, or derived from the file-descriptor limit. */
    int connectionCap() {
        if (this.maxConnections > 0) {
            return this.maxConnections;
        }
        long descriptors = 65_536;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            descriptors = unix.getMaxFileDescriptorCount();
        }
        return (int) Math.max(64, Math.min(Integer.MAX_VALUE, descriptors - this.reservedDescriptors));
    }
}
