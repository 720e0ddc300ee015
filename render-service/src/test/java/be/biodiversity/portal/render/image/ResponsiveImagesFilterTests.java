package be.biodiversity.portal.render.image;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import be.biodiversity.portal.render.content.SiteFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page goes through the filter to the response beneath it (the page cache's, in the service) once: its body
 * rewritten, or an empty body as it came, or the page as it is when the list of files is not known.
 */
class ResponsiveImagesFilterTests {

    @Test
    void aPageIsWrittenOnceRewritten() {
        List<String> writes = serve("<p><img src=\"/assets/images/rots.png\" alt=\"\"></p>",
                Map.of("assets/images/rots.png", new SiteFiles.SiteFile("assets/images/rots.png", "image/png", 400_000,
                        "fedcba9876543210", 300, 200)));

        assertThat(writes).singleElement().asString()
                .contains("src=\"/assets/images/rots.png?v=fedcba9876543210\"").contains("loading=\"lazy\"");
    }

    @Test
    void anEmptyBodyIsWrittenOnceEmpty() {
        assertThat(serve("", Map.of())).containsExactly("");
    }

    @Test
    void withoutTheListOfFilesThePageIsWrittenOnceAsItIs() {
        assertThat(serve("<p><img src=\"/a.png\"></p>", null)).containsExactly("<p><img src=\"/a.png\"></p>");
    }

    @Test
    void aPageWithoutImagesLeavesAsItCameWithoutAskingForTheFiles() {
        String html = "<p><i class=\"fa fa-leaf\"></i> <input name=\"q\"> <iframe src=\"/x\"></iframe> imgs é</p>";
        AtomicInteger asked = new AtomicInteger();
        assertThat(serve(html, Map.of(), asked)).containsExactly(html);
        assertThat(asked).hasValue(0);
        assertThat(serve("<p><IMG src=\"/a.png\"></p>", Map.of(), asked)).containsExactly("<p><IMG src=\"/a.png\"></p>");
        assertThat(asked).as("a page with an image asks").hasValue(1);
    }

    @Test
    void noPageWhoseImagesTheRewriteWouldSeeIsLeftOut() {
        // the rewrite finds a tag where String.regionMatches(ignoreCase) sees "img" after a "<": so must the check
        char[] alphabet = {'<', 'i', 'I', 'm', 'M', 'g', 'G', '\u0130', '\u0131', 'x', ' ', 'é', '>'};
        Random random = new Random(19);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder page = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                page.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String html = page.toString();
            boolean seen = false;
            for (int at = html.indexOf('<'); at >= 0 && !seen; at = html.indexOf('<', at + 1)) {
                seen = html.regionMatches(true, at + 1, "img", 0, 3);
            }
            assertThat(ResponsiveImagesFilter.mayHoldImg(html.getBytes(StandardCharsets.UTF_8))).as(html)
                    .isEqualTo(seen);
        }
        assertThat(ResponsiveImagesFilter.mayHoldImg("<\u0130MG".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(ResponsiveImagesFilter.mayHoldImg("<\u0131mg src".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    private static List<String> serve(String html, Map<String, SiteFiles.SiteFile> known) {
        return serve(html, known, new AtomicInteger());
    }

    /** The bodies written to the response beneath the filter, for a page the chain writes as {@code html}. */
    private static List<String> serve(String html, Map<String, SiteFiles.SiteFile> known, AtomicInteger asked) {
        SiteFiles files = new SiteFiles(null, null) {
            @Override
            public Mono<Map<String, SiteFiles.SiteFile>> byPath() {
                asked.incrementAndGet();
                return known == null ? Mono.empty() : Mono.just(known);
            }
        };
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/nl/foto"));
        List<String> writes = new ArrayList<>();
        ServerWebExchange counted = exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return DataBufferUtils.join(Flux.from(body)).map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return text;
                }).defaultIfEmpty("").doOnNext(writes::add).then();
            }
        }).build();
        WebFilterChain page = ex -> {
            ex.getResponse().getHeaders().setContentType(MediaType.TEXT_HTML);
            return ex.getResponse().writeWith(Mono.just(ex.getResponse().bufferFactory()
                    .wrap(html.getBytes(StandardCharsets.UTF_8))));
        };

        new ResponsiveImagesFilter(files, List.of(480, 960, 1600)).filter(counted, page).block(Duration.ofSeconds(5));
        return writes;
    }
}
