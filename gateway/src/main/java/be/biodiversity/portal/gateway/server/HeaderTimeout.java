package be.biodiversity.portal.gateway.server;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Closes a connection that does not deliver a complete request header in time: counted from the moment the
 * connection opened, and on a kept-alive connection from the first byte of its next request. One instance per
 * connection; its two handlers sit on either side of the HTTP codec: {@link #bytes()} before it (sees the first
 * byte of a request), {@link #messages()} right after it (sees the decoded header, and the end of each answer).
 */
final class HeaderTimeout {

    private final long timeoutNanos;

    private final Runnable onTimeout;

    private ScheduledFuture<?> clock;

    /** Between the end of an answer and the first byte of the next request: idle, the idle timeout's business. */
    private boolean idle;

    HeaderTimeout(long timeoutNanos, Runnable onTimeout) {
        this.timeoutNanos = timeoutNanos;
        this.onTimeout = onTimeout;
    }

    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {

            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                start(ctx);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (HeaderTimeout.this.idle && msg instanceof ByteBuf buffer && buffer.isReadable()) {
                    HeaderTimeout.this.idle = false;
                    start(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelDuplexHandler messages() {
        return new ChannelDuplexHandler() {

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    stop();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof LastHttpContent) {
                    HeaderTimeout.this.idle = true;
                }
                ctx.write(msg, promise);
            }
        };
    }

    private void start(ChannelHandlerContext ctx) {
        stop();
        this.clock = ctx.executor().schedule(() -> {
            this.onTimeout.run();
            ctx.channel().close();
        }, this.timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        if (this.clock != null) {
            this.clock.cancel(false);
            this.clock = null;
        }
    }
}
