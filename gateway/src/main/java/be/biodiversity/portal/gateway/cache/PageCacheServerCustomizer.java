package be.biodiversity.portal.gateway.cache;

import be.biodiversity.portal.gateway.security.SecurityHeaders;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/** Puts a {@link CachedPageHandler} behind the HTTP decoder of every connection when the page cache is on. */
@Component
class PageCacheServerCustomizer implements NettyServerCustomizer {

    static final String HANDLER = "portal.cachedPages";

    private final PageCache cache;

    private final PageCacheProperties properties;

    private final SecurityHeaders securityHeaders;

    PageCacheServerCustomizer(PageCache cache, PageCacheProperties properties, SecurityHeaders securityHeaders) {
        this.cache = cache;
        this.properties = properties;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        if (!this.properties.enabled()) {
            return server;
        }
        return server.doOnChannelInit((observer, channel, remote) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER,
                        new CachedPageHandler(this.cache, this.securityHeaders.all(), this.securityHeaders.siteFile()));
            }
        });
    }
}
