package be.biodiversity.portal.content.asset;

import java.util.List;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.web.NotFoundException;

/**
 * {@code GET /api/content/v1/assets}: the list of the site's static files ({@link AssetList}).
 * {@code GET|HEAD /api/content/v1/assets/{path}}: a static file of the site by its path in the site
 * ({@code /api/content/v1/assets/assets/images/logo.png}; the gateway serves it at {@code /assets/images/logo.png}).
 * A strong {@code ETag} from the content hash and {@code If-None-Match} → 304; {@code ?v=} the hash's first 16
 * digits marks a fingerprinted URL (cached a year, immutable), else browsers keep it {@code portal.content.assets.max-age}
 * and then ask again. {@code ?w=} one of {@code portal.content.assets.widths}: a resized copy of a JPEG or PNG
 * (the file itself when it is not wider, not an image we resize, or larger than the pixel limit). {@code ?format=webp}
 * (with or without {@code w}): a WebP copy when one smaller than the JPEG/PNG it replaces can be made, else that JPEG
 * or PNG; the list marks the files for which it is worth asking ({@code webp: true}). Nothing is sniffed, and every
 * answer is sandboxed, so an SVG or HTML file with a script never runs it on our origin.
 */
@RestController
class AssetController {

    static final String SANDBOX = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "font-src 'self'; sandbox";
    static final int FINGERPRINT = 16;

    private final AssetStore store;
    private final ImageVariants variants;
    private final AssetProperties properties;

    private final WebpCopies webpCopies;
    private final WebpEncoder webp;

    AssetController(AssetStore store, ImageVariants variants, WebpCopies webpCopies, AssetProperties properties,
            WebpEncoder webp) {
        this.store = store;
        this.variants = variants;
        this.webpCopies = webpCopies;
        this.properties = properties;
        this.webp = webp;
    }

    @GetMapping("/api/content/v1/assets")
    Mono<AssetList> list() {
        return webp.available().flatMap(canWebp -> store.all(SiteAsset.DEFAULT_SITE)
                .map(asset -> AssetList.Item.of(asset, canWebp && webpWorthAsking(asset)))
                .sort(java.util.Comparator.comparing(AssetList.Item::path)).collectList()
                .map(items -> new AssetList(items.size(), items)));
    }

    /** A JPEG or PNG of known size that has not been found, at every size, to be no smaller as WebP. */
    private boolean webpWorthAsking(SiteAsset asset) {
        return variants.copiable(asset) && asset.width() != null && asset.height() != null && !allNotSmaller(asset);
    }

    /** Every WebP copy a page may ask for was made and came out no smaller. */
    private boolean allNotSmaller(SiteAsset asset) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        properties.widths().stream().filter(w -> w < asset.width()).forEach(w -> keys.add(WebpCopies.webpKey(w)));
        if (webpCopies.fullSize(asset)) {
            keys.add(WebpCopies.webpKey(null));
        }
        return keys.stream().allMatch(key -> {
            SiteAsset.Variant variant = asset.variants() == null ? null : asset.variants().get(key);
            return variant != null && !variant.kept();
        });
    }

    @GetMapping("/api/content/v1/assets/{*path}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String path, @RequestParam(required = false) String w,
            @RequestParam(required = false) String v, @RequestParam(required = false) String format,
            ServerHttpRequest request) {
        String relative = checked(path);
        Integer width = width(w);
        boolean asWebp = webp(format);
        return store.find(SiteAsset.DEFAULT_SITE, relative)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No file at /" + relative)))
                .flatMap(asset -> (asWebp ? webpCopies.variant(asset, width)
                        : width == null ? Mono.just(Served.of(asset)) : variants.variant(asset, width))
                        .map(served -> answer(asset, served, v, request)));
    }

    private static boolean webp(String format) {
        if (format == null) {
            return false;
        }
        if (format.equals("webp")) {
            return true;
        }
        throw new InvalidFieldException("format", "webp, or no format for the file's own");
    }

    private ResponseEntity<Flux<DataBuffer>> answer(SiteAsset asset, Served served, String v, ServerHttpRequest request) {
        boolean fingerprinted = v != null && asset.sha256().startsWith(v) && v.length() == FINGERPRINT;
        CacheControl cache = served.provisional() ? CacheControl.noCache()
                : fingerprinted ? CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable()
                : CacheControl.maxAge(properties.maxAge()).cachePublic();
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(served.etag());
        headers.setCacheControl(cache);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", SANDBOX);
        if (notModified(request.getHeaders().getIfNoneMatch(), served.etag())) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.parseMediaType(served.contentType()));
        if (served.size() >= 0) {
            headers.setContentLength(served.size());
        }
        return new ResponseEntity<>(store.download(served.fileId()), headers, HttpStatus.OK);
    }

    private static boolean notModified(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String checked(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty() || relative.length() > 1000 || relative.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidFieldException("path", "not a path of a file of the site");
        }
        return relative;
    }

    private Integer width(String w) {
        if (w == null) {
            return null;
        }
        try {
            int width = Integer.parseInt(w);
            if (properties.widths().contains(width)) {
                return width;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw new InvalidFieldException("w", "one of " + properties.widths());
    }
}
