package be.biodiversity.portal.gateway.cache;

import java.net.InetSocketAddress;
import java.util.Map;

import be.biodiversity.portal.gateway.edge.RequestClass;
import be.biodiversity.portal.gateway.observe.AccessLogFilter;
import be.biodiversity.portal.gateway.observe.TraceContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The fast path of the page cache, right behind the HTTP decoder of one connection: a GET or HEAD whose page
 * {@link PageCacheFilter} has a copy of that may be served now is answered here, with the same headers, gzip and
 * 304 handling, and access-log line, without going through Spring's request handling. Everything else (no copy,
 * copy to be refreshed, API, credentials, a body, HTTP/1.0, {@code Connection: close}) goes on unchanged. While a
 * request is with Spring, the next one on this connection goes on too, so that answers keep their order.
 * <p>
 * A client may send its next request as soon as it has the body of an answer, before Reactor Netty has written the
 * end of that answer; Reactor Netty then takes the request as pipelined. When the fast path had answered on the same
 * connection before, about one such connection in 20,000 requests was never asked for its next request after the
 * pipelined one was answered (auto-read off, no read pending): the visitor waited until the connection timed out.
 * Found with a loop of GET and HEAD requests over kept-alive connections (the rare stalled answer of the tests). So
 * after the end of every answer from Spring, when no other request of the connection is with Spring, this handler
 * asks for the next request itself (a read with one already pending, or with auto-read on, changes nothing).
 */
final class CachedPageHandler extends ChannelDuplexHandler {

    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final PageCache cache;

    private final Map<String, String> securityHeaders;

    /** The security headers of an answer with a file of the site (CSP sandbox). */
    private final Map<String, String> siteFileHeaders;

    private int withSpring;

    private boolean skipBody;

    CachedPageHandler(PageCache cache, Map<String, String> securityHeaders) {
        this(cache, securityHeaders, securityHeaders);
    }

    CachedPageHandler(PageCache cache, Map<String, String> securityHeaders, Map<String, String> siteFileHeaders) {
        this.siteFileHeaders = siteFileHeaders;
        this.cache = cache;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (this.skipBody && msg instanceof HttpContent) {
            this.skipBody = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            readMore(ctx);
            return;
        }
        if (msg instanceof HttpRequest request) {
            CachedPage page = (this.withSpring == 0) ? servable(request) : null;
            if (page != null) {
                this.skipBody = !(msg instanceof LastHttpContent);
                long started = System.nanoTime();
                // Counted before the answer is written: a client that has its answer sees it counted.
                this.cache.countFastHit();
                HttpResponseStatus status = respond(ctx, request, page);
                ReferenceCountUtil.release(msg);
                log(ctx, request, status, started);
                return;
            }
            this.withSpring++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean interim = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !interim && this.withSpring > 0) {
            this.withSpring--;
            if (this.withSpring == 0) {
                // Once the answer is written (after Reactor Netty's own listeners on this write), the connection is
                // asked for its next request, whatever Reactor Netty decided: see the class comment.
                ChannelPromise written = promise.unvoid();
                ctx.write(msg, written);
                written.addListener(done -> {
                    if (done.isSuccess() && this.withSpring == 0 && ctx.channel().isActive()) {
                        readMore(ctx);
                    }
                });
                return;
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (this.withSpring == 0) {
            readMore(ctx);
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Reactor Netty reads on demand (auto-read off) and asks for more only after its own answers; after one of
     * ours the next request must be asked for here, or it would wait until the visitor gives up.
     */
    private static void readMore(ChannelHandlerContext ctx) {
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    private CachedPage servable(HttpRequest request) {
        HttpMethod method = request.method();
        String uri = request.uri();
        HttpHeaders headers = request.headers();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !request.decoderResult().isSuccess()
                || request.protocolVersion() != HttpVersion.HTTP_1_1 || uri.isEmpty() || uri.charAt(0) != '/'
                || headers.contains(HttpHeaderNames.AUTHORIZATION)
                || headers.contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)
                || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || headers.getInt(HttpHeaderNames.CONTENT_LENGTH, 0) != 0) {
            return null;
        }
        CachedPage page = this.cache.get(uri);
        if (page == null) {
            return null;
        }
        long now = this.cache.now();
        if (now - page.refreshAt() < 0) {
            return page;
        }
        // Past refresh time: fine while another request is fetching the new copy, as long as it is young enough.
        return (now - page.expiresAt() < 0 && this.cache.fetchOf(uri) != null) ? page : null;
    }

    private HttpResponseStatus respond(ChannelHandlerContext ctx, HttpRequest request, CachedPage page) {
        HttpHeaders in = request.headers();
        boolean notModified = Negotiation.notModified(joined(in, HttpHeaderNames.IF_NONE_MATCH), page.etag());
        boolean gzip = !notModified && page.gzipped() != null
                && Negotiation.acceptsGzip(joined(in, HttpHeaderNames.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzipped() : page.body();
        boolean withBody = !notModified && request.method() != HttpMethod.HEAD;
        HttpResponseStatus status = notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK;
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                withBody ? Unpooled.wrappedBuffer(body) : Unpooled.EMPTY_BUFFER, HEADERS.newHeaders(),
                EmptyHttpHeaders.INSTANCE);
        HttpHeaders out = response.headers();
        String path = request.uri().indexOf('?') < 0 ? request.uri() : request.uri().substring(0, request.uri().indexOf('?'));
        (RequestClass.isSiteFile(path) ? this.siteFileHeaders : this.securityHeaders).forEach(out::set);
        page.headers().forEach(out::set);
        out.set(HttpHeaderNames.ETAG, page.etag());
        if (page.gzipped() != null) {
            out.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        }
        if (gzip) {
            out.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        if (!notModified) {
            out.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        // Flushed at once: a read-complete event does not always follow (after an answer from Spring, the next
        // request can be decoded from bytes already read).
        ctx.writeAndFlush(response);
        readMore(ctx);
        return status;
    }

    private static String joined(HttpHeaders headers, CharSequence name) {
        var values = headers.getAll(name);
        return values.isEmpty() ? null : (values.size() == 1 ? values.get(0) : String.join(",", values));
    }

    private static void log(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status, long started) {
        if (!AccessLogFilter.enabled()) {
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String client = (ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null)
                ? remote.getAddress().getHostAddress() : null;
        String traceId = TraceContext.traceId(request.headers().get(TraceContext.HEADER));
        AccessLogFilter.log(AccessLogFilter.line(request.method().name(), (query < 0) ? uri : uri.substring(0, query),
                String.valueOf(status.code()), System.nanoTime() - started, traceId, "fast", client));
    }
}
