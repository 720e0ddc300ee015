package be.biodiversity.portal.render.content;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.AnswerCache;

/**
 * Reads the list of the site's static files from content-service ({@code GET /api/content/v1/assets}): each image's
 * width, height and fingerprint, for pages to carry {@code srcset}, sizes and fingerprinted URLs. Kept until a
 * site-wide change (an import that changed a file is one). When content-service cannot answer within a second, the
 * last list read is used (none at first: pages then show their images as written).
 */
public class SiteFiles {

    private final WebClient http;

    private final AnswerCache answers;

    /** The last list read: used while content-service cannot answer, so a page is not held up by it. */
    private volatile Map<String, SiteFile> lastKnown = Map.of();

    public SiteFiles(WebClient http, AnswerCache answers) {
        this.http = http;
        this.answers = answers;
    }

    /** The site's files by path without a leading slash ({@code assets/images/logo.png}); empty when unknown. */
    public Mono<Map<String, SiteFile>> byPath() {
        return this.answers.content("site files", this::fetch)
            .doOnNext((files) -> this.lastKnown = files)
            .timeout(java.time.Duration.ofSeconds(1))
            .onErrorResume((ex) -> Mono.just(this.lastKnown));
    }

    private Mono<Map<String, SiteFile>> fetch() {
        // a content-service without the list (404) has no files to tell of: an answer, kept like the others
        return this.http.get()
            .uri("/api/content/v1/assets")
            .exchangeToMono((response) -> {
                if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return response.releaseBody().thenReturn(new Listing(List.of()));
                }
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(Listing.class);
                }
                return response.createError();
            })
            .map((listing) -> listing.results() == null ? Map.<String, SiteFile>of()
                    : listing.results().stream().filter((f) -> f.path() != null)
                        .collect(Collectors.toUnmodifiableMap(SiteFile::path, Function.identity(), (a, b) -> a)))
            .onErrorMap((ex) -> new ContentUnavailableException(ex));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listing(List<SiteFile> results) {
    }

    /**
     * One static file as content-service lists it; {@code width}/{@code height} only for images it could read;
     * {@code webp} true when content-service answers {@code ?format=webp} for it with a smaller WebP (absent: no).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SiteFile(String path, String contentType, long size, String fingerprint, Integer width,
            Integer height, Boolean webp) {

        public SiteFile(String path, String contentType, long size, String fingerprint, Integer width, Integer height) {
            this(path, contentType, size, fingerprint, width, height, null);
        }

        /** A JPEG or PNG whose size is known: content-service makes narrower copies of it ({@code ?w=}). */
        public boolean resizable() {
            return width != null && height != null && width > 0 && height > 0 && contentType != null
                    && (contentType.startsWith("image/jpeg") || contentType.startsWith("image/png"));
        }
    }
}
