package be.biodiversity.portal.gateway.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;

import io.netty.channel.Channel;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The public port's defences against connection exhaustion: a cap on all its connections (past it a new
 * connection is closed at once, so file descriptors stay for the management port and the services), a cap per client
 * address, a deadline for the request header ({@link HeaderTimeout}) and for pauses in a request body, and one
 * summary log line per interval for connections it closed ({@link DroppedConnections}). The management server is
 * left as it is: it runs on its own event loop ({@link ManagementServerConfiguration}).
 * <p>
 * Ordered last, so that its header handler sits right behind the HTTP codec, before any other handler placed there
 * (the page cache's fast path): it must see every request header and the end of every answer.
 */
@Component
class EdgeServerCustomizer implements NettyServerCustomizer, Ordered {

    static final String BYTES_HANDLER = "portal.headerTimeout.bytes";

    static final String MESSAGES_HANDLER = "portal.headerTimeout.messages";

    /** The page cache's fast-path handler ({@code cache/PageCacheServerCustomizer.HANDLER}). */
    private static final String PAGE_CACHE_HANDLER = "portal.cachedPages";

    private final EdgeServerProperties properties;

    private final ClientConnections clients;

    private final DroppedConnections dropped;

    EdgeServerCustomizer(EdgeServerProperties properties) {
        this.properties = properties;
        this.clients = new ClientConnections(properties.maxConnectionsPerClient(), properties.connectionCap(),
                Set.copyOf(properties.trustedProxies()));
        this.dropped = new DroppedConnections(properties.dropLogInterval(), System::nanoTime);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        if (ManagementServerConfiguration.isManagement(server)) {
            return server;
        }
        return server.readTimeout(this.properties.bodyReadTimeout())
                .doOnChannelInit((observer, channel, remote) -> guard(channel, channel.remoteAddress()));
    }

    private void guard(Channel channel, SocketAddress remote) {
        String client = address(remote);
        ClientConnections.Admission admission = this.clients.open(client);
        if (admission != ClientConnections.Admission.ADMITTED) {
            this.dropped.dropped(admission == ClientConnections.Admission.SERVER_FULL
                    ? DroppedConnections.Reason.SERVER_CAP : DroppedConnections.Reason.PER_CLIENT_CAP, client);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> this.clients.closed(client));
        var pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) == null || pipeline.get(BYTES_HANDLER) != null) {
            return;
        }
        HeaderTimeout timeout = new HeaderTimeout(this.properties.headerTimeout().toNanos(),
                () -> this.dropped.dropped(DroppedConnections.Reason.HEADER_TIMEOUT, client));
        pipeline.addBefore(NettyPipeline.HttpCodec, BYTES_HANDLER, timeout.bytes());
        // Right behind the codec, before the page cache's fast path (which answers some requests itself).
        if (pipeline.get(PAGE_CACHE_HANDLER) != null) {
            pipeline.addBefore(PAGE_CACHE_HANDLER, MESSAGES_HANDLER, timeout.messages());
        }
        else {
            pipeline.addAfter(NettyPipeline.HttpCodec, MESSAGES_HANDLER, timeout.messages());
        }
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    ClientConnections clients() {
        return this.clients;
    }

    DroppedConnections dropped() {
        return this.dropped;
    }
}
