package be.biodiversity.portal.gateway.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections on the public port, in all and per client address, so that one address cannot hold them all
 * and all together leave file descriptors for the rest. Addresses of trusted proxies (the Ingress) count only in
 * all. Memory is bounded by the number of open connections: an address is forgotten when its last one closes.
 */
final class ClientConnections {

    /** What became of a new connection. */
    enum Admission { ADMITTED, CLIENT_FULL, SERVER_FULL }

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    private final AtomicInteger total = new AtomicInteger();

    private final int perClient;

    private final int cap;

    private final Set<String> trusted;

    ClientConnections(int perClient, int cap, Set<String> trusted) {
        this.perClient = perClient;
        this.cap = cap;
        this.trusted = trusted;
    }

    /** Counts a new connection unless the port or the address already holds its share (then nothing is counted). */
    Admission open(String address) {
        if (this.total.incrementAndGet() > this.cap) {
            this.total.decrementAndGet();
            return Admission.SERVER_FULL;
        }
        if (this.trusted.contains(address) || perClient(address)) {
            return Admission.ADMITTED;
        }
        this.total.decrementAndGet();
        return Admission.CLIENT_FULL;
    }

    private boolean perClient(String address) {
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

    /** A connection that was {@link Admission#ADMITTED} closed. */
    void closed(String address) {
        this.total.decrementAndGet();
        if (!this.trusted.contains(address)) {
            this.open.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    int openInAll() {
        return this.total.get();
    }

    int openFrom(String address) {
        AtomicInteger count = this.open.get(address);
        return (count != null) ? count.get() : 0;
    }
}
