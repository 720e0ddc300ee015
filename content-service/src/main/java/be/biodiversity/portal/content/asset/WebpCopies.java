package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

/**
 * WebP copies of a site's JPEG and PNG images ({@code ?format=webp}, at a width or at the image's own size), made on
 * the first request like the resized copies ({@link ImageVariants}: same thread, same wait, same single flight) and
 * kept in GridFS with the file. A WebP copy is kept only when it is smaller than the JPEG or PNG it replaces; otherwise
 * that one is answered for it, and the outcome is kept, so the WebP is not made again. A WebP request makes the missing
 * JPEG/PNG copy of its width in the same decoding. Where WebP cannot be made ({@link WebpEncoder#available()}), a WebP
 * request gets the JPEG/PNG, provisional (another instance, or a later start, may make WebP).
 */
@Component
class WebpCopies {

    static final String WEBP = "image/webp";

    private static final Logger log = LoggerFactory.getLogger(WebpCopies.class);

    private final ImageVariants variants;
    private final AssetStore store;
    private final AssetProperties properties;
    private final WebpEncoder webp;

    WebpCopies(ImageVariants variants, AssetStore store, AssetProperties properties, WebpEncoder webp) {
        this.variants = variants;
        this.store = store;
        this.properties = properties;
        this.webp = webp;
    }

    /** The WebP copy at {@code width} (null: the image's own size) when one is smaller, else the JPEG/PNG. */
    Mono<Served> variant(SiteAsset asset, Integer width) {
        Integer target = ImageVariants.target(asset, width);
        if (!variants.copiable(asset)) {
            return Mono.just(Served.of(asset));
        }
        if (asset.width() == null || (target == null && !fullSize(asset))) {
            return variants.copy(asset, target);
        }
        return webp.available().flatMap(available -> available ? webpCopy(asset, target)
                : variants.copy(asset, target).map(Served::asProvisional));
    }

    /**
     * Whether a WebP copy of {@code asset} at its own size may be made: only for an image not wider than the largest
     * width and of at most that width squared in pixels (a larger one is decoded whole for it; a browser that wants
     * more than the largest copy gets the file itself).
     */
    boolean fullSize(SiteAsset asset) {
        long largest = properties.widths().stream().mapToLong(Integer::longValue).max().orElse(0);
        return asset.width() != null && asset.height() != null && asset.width() <= largest
                && (long) asset.width() * asset.height() <= largest * largest;
    }

    private Mono<Served> webpCopy(SiteAsset asset, Integer width) {
        String variantKey = webpKey(width);
        String key = asset.id() + "@" + asset.sha256() + "@" + variantKey;
        SiteAsset.Variant kept = asset.variants() == null ? null : asset.variants().get(variantKey);
        if (kept != null) {
            return kept.kept() ? Mono.just(Served.webp(asset, width, kept)) : variants.copy(asset, width);
        }
        if (variants.refused(key)) {
            return variants.copy(asset, width);
        }
        SiteAsset.Variant jpeg = width == null ? null : ImageVariants.kept(asset, String.valueOf(width));
        return variants.once(key, () -> makeWebp(asset, width, key),
                () -> (jpeg == null ? Served.of(asset) : Served.of(asset, width, jpeg)).asProvisional());
    }

    static String webpKey(Integer width) {
        return (width == null ? "full" : String.valueOf(width)) + "-webp";
    }

    /** What one decoding made for a WebP request: the WebP (empty: the encoder failed) and the missing JPEG/PNG. */
    private record Made(Optional<byte[]> webp, Resizer.Copy copy) {
    }

    private Mono<Served> makeWebp(SiteAsset asset, Integer width, String key) {
        SiteAsset.Variant jpeg = width == null ? null : ImageVariants.kept(asset, String.valueOf(width));
        return variants.bytes(asset).map(bytes -> {
            try {
                Optional<BufferedImage> image = Resizer.decode(bytes, width, properties.maxPixels());
                if (image.isEmpty()) {
                    return Optional.<Made>empty();
                }
                BufferedImage flat = Resizer.flattened(image.get());
                Optional<byte[]> encoded = webp.encode(flat, flat.getColorModel().hasAlpha());
                Resizer.Copy copy = width != null && jpeg == null ? Resizer.encode(flat) : null;
                return Optional.of(new Made(encoded, copy));
            }
            catch (Exception | OutOfMemoryError ex) {
                log.info("/{} is served without a WebP copy: {}", asset.path(), ex.getMessage());
                return Optional.<Made>empty();
            }
        }).flatMap(made -> {
            if (made.isEmpty() || made.get().webp().isEmpty()) {
                variants.refuse(key);
                return made.isPresent() && made.get().copy() != null ? variants.keep(asset, width, made.get().copy())
                        : variants.copy(asset, width);
            }
            Mono<Served> replaced = width == null ? Mono.just(Served.of(asset))
                    : jpeg != null ? Mono.just(Served.of(asset, width, jpeg))
                    : variants.keep(asset, width, made.get().copy());
            return replaced.flatMap(other -> keepWebp(asset, width, made.get().webp().get(), other));
        });
    }

    /** Keeps the WebP when it is smaller than {@code other}, the JPEG/PNG it replaces; else answers that one. */
    private Mono<Served> keepWebp(SiteAsset asset, Integer width, byte[] bytes, Served other) {
        String variantKey = webpKey(width);
        if (other.provisional() || bytes.length >= other.size()) {
            return (other.provisional() ? Mono.just(false)
                    : store.addVariant(asset, variantKey, SiteAsset.Variant.notSmaller(bytes.length)))
                    .thenReturn(other);
        }
        return store.upload(asset.site(), asset.path() + "@" + variantKey, WEBP, asset.sha256(),
                        Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)))
                .flatMap(id -> {
                    SiteAsset.Variant variant = new SiteAsset.Variant(id, WEBP, bytes.length);
                    return store.addVariant(asset, variantKey, variant).flatMap(recorded -> recorded
                            ? Mono.just(Served.webp(asset, width, variant))
                            : store.deleteFile(id).thenReturn(other.asProvisional()));
                });
    }
}
