package be.biodiversity.portal.render.image;

import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.content.SiteFiles;

/**
 * Every HTML page leaves with its images made responsive ({@link ResponsiveImages}): whatever wrote the
 * {@code <img>} — the markdown body, the hero, a card, a logo — a phone gets a copy of the width it needs, never the
 * 4 MB original. Runs inside the page cache, so a page is kept as it leaves (its ETag names the fingerprints it links
 * to) and a kept page costs no rewriting; the list of files comes from the answer cache (one call to content-service
 * per site-wide change, and a site-wide change has every kept page rendered again).
 */
@Component
class ResponsiveImagesFilter implements WebFilter, Ordered {

    private final SiteFiles files;

    private final ResponsiveImages images;

    ResponsiveImagesFilter(SiteFiles files,
            @Value("${portal.images.widths:480,960,1600}") List<Integer> widths) {
        this.files = files;
        this.images = new ResponsiveImages(widths);
    }

    @Override
    public int getOrder() {
        return PageCacheFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Rewriting(exchange)).build());
    }

    /** Whether {@code page} (UTF-8) holds {@code <img} as {@link ResponsiveImages} reads it, whole word or not. */
    static boolean mayHoldImg(byte[] page) {
        for (int i = 0; i < page.length; i++) {
            if (page[i] == '<' && ResponsiveImages.afterImg(page, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    private final class Rewriting extends ServerHttpResponseDecorator {

        Rewriting(ServerWebExchange exchange) {
            super(exchange.getResponse());
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            MediaType type = getHeaders().getContentType();
            if (type == null || !type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return super.writeWith(body);
            }
            // Written once: the page, rewritten, or an empty body as it came. (A switchIfEmpty after the write,
            // whose Mono<Void> is always empty, wrote the response a second time: the page cache then failed on
            // its read-only headers and every page logged an error after it had left.)
            return DataBufferUtils.join(Flux.from(body)).map(buffer -> {
                byte[] page = new byte[buffer.readableByteCount()];
                buffer.read(page);
                DataBufferUtils.release(buffer);
                return page;
            }).defaultIfEmpty(new byte[0]).flatMap(page -> {
                // a page without an image leaves as it came, without asking for the list of files; one with images
                // is rewritten as bytes, only its <img> tags decoded (decoding and encoding each page again was 11 %
                // of render-service's CPU per uncached page)
                if (!mayHoldImg(page)) {
                    return write(page);
                }
                return files.byPath().map(known -> images.rewrite(page, known)).defaultIfEmpty(page)
                        .flatMap(this::write);
            });
        }

        private Mono<Void> write(byte[] page) {
            getHeaders().setContentLength(page.length);
            return super.writeWith(Mono.just(bufferFactory().wrap(page)));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }
    }
}
