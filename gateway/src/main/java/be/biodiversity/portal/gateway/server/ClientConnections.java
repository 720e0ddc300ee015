package be.biodiversity.portal.gateway.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections per client address on the public port, so that one address cannot hold them all. Addresses
 * of trusted proxies (the Ingress) are not counted. Memory is bounded by the number of open connections: an
 * address is forgotten when its last connection closes.
 */
final class ClientConnections {

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    private final int perClient;

    private final Set<String> trusted;

    ClientConnections(int perClient, Set<String> trusted) {
        this.perClient = perClient;
        this.trusted = trusted;
    }

    /** Counts a new connection; {@code false} (and not counted) when the address already holds its share. */
    boolean open(String address) {
        if (this.trusted.contains(address)) {
            return true;
        }
        boolean[] admitted = new boolean[1];
        this.open.compute(address, (key, count) -> {
            AtomicInteger current = (count != null) ? count : new AtomicInteger();
            admitted[0] = current.get() < this.perClient;
            if (admitted[0]) {
                current.incrementAndGet();
            }
            return current.get() == 0 ? null : current;
        });
        return admitted[0];
    }

    void closed(String address) {
        if (!this.trusted.contains(address)) {
            this.open.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    int openFrom(String address) {
        AtomicInteger count = this.open.get(address);
        return (count != null) ? count.get() : 0;
    }
}
