package be.biodiversity.portal.content.asset;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

/**
 * Copies of a site's JPEG and PNG images, made on the first request for them and kept in GridFS with the file (dropped
 * when a re-import changes or removes it): narrower ones ({@code ?w=480}) and WebP ones ({@code ?format=webp}, at a
 * width or at the image's own size). A WebP copy is kept only when it is smaller than the JPEG or PNG it replaces;
 * otherwise that one is answered for it (and remembered, so the WebP is not made again). One copy is made at a time, on
 * a thread of its own (decoding is CPU and memory), and requests for the same copy meanwhile wait for that one; a WebP
 * request makes the missing JPEG/PNG copy of its width in the same pass. An image that cannot be resized (over the
 * pixel limit, unreadable) is answered as it is, and remembered so, so that asking again does not decode it again. A
 * copy is made to the end even when nobody waits for it any more; a request waits for it at most
 * {@code portal.content.assets.resize-wait} and otherwise gets what there is (the file, or the JPEG/PNG copy of the
 * width), marked provisional (not to be kept), so that a busy machine sends a bigger image rather than an error.
 * Where WebP cannot be made ({@link WebpEncoder#available()}), a WebP request gets the JPEG/PNG, provisional.
 */
@Component
class ImageVariants implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImageVariants.class);

    private final AssetStore store;
    private final AssetProperties properties;
    private final WebpEncoder webp;
    private final Scheduler resizing = Schedulers.newBoundedElastic(1, 256, "asset-resize");
    private final Map<String, Mono<Served>> making = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> refused = Caffeine.newBuilder().maximumSize(10_000).build();

    ImageVariants(AssetStore store, AssetProperties properties, WebpEncoder webp) {
        this.store = store;
        this.properties = properties;
        this.webp = webp;
    }

    /** Whether {@code asset} is an image copies are made of (a JPEG or PNG within the pixel limit). */
    boolean copiable(SiteAsset asset) {
        boolean resizable = asset.contentType().startsWith(Resizer.JPEG) || asset.contentType().startsWith(Resizer.PNG);
        boolean withinLimit = asset.width() == null || asset.height() == null
                || (long) asset.width() * asset.height() <= properties.maxPixels();
        return resizable && withinLimit;
    }

    /**
     * Whether a WebP copy of {@code asset} at its own size may be made: only for an image not wider than the largest
     * width and of at most that width squared in pixels (a larger one is decoded whole for it; a browser that wants
     * more than the largest copy gets the file itself).
     */
    boolean fullSizeWebp(SiteAsset asset) {
        long largest = properties.widths().stream().mapToLong(Integer::longValue).max().orElse(0);
        return asset.width() != null && asset.height() != null && asset.width() <= largest
                && (long) asset.width() * asset.height() <= largest * largest;
    }

    /** The copy at {@code width} (null: the image's own size), as WebP when {@code asWebp} and smaller. */
    Mono<Served> variant(SiteAsset asset, Integer width, boolean asWebp) {
        Integer target = width != null && (asset.width() == null || asset.width() > width) ? width : null;
        if (!copiable(asset)) {
            return Mono.just(Served.of(asset));
        }
        if (!asWebp) {
            return copy(asset, target);
        }
        if (asset.width() == null || (target == null && !fullSizeWebp(asset))) {
            return copy(asset, target);
        }
        return webp.available().flatMap(available -> available ? webpCopy(asset, target)
                : copy(asset, target).map(Served::asProvisional));
    }

    /** The resized copy at {@code width}, or the file itself when {@code width} is null. */
    private Mono<Served> copy(SiteAsset asset, Integer width) {
        if (width == null) {
            return Mono.just(Served.of(asset));
        }
        String key = asset.id() + "@" + asset.sha256() + "@" + width;
        if (refused.getIfPresent(key) != null) {
            return Mono.just(Served.of(asset));
        }
        SiteAsset.Variant kept = kept(asset, String.valueOf(width));
        if (kept != null) {
            return Mono.just(Served.of(asset, width, kept));
        }
        return once(key, () -> make(asset, width, key), () -> Served.provisional(asset));
    }

    private Mono<Served> webpCopy(SiteAsset asset, Integer width) {
        String variantKey = webpKey(width);
        String key = asset.id() + "@" + asset.sha256() + "@" + variantKey;
        SiteAsset.Variant kept = asset.variants() == null ? null : asset.variants().get(variantKey);
        if (kept != null) {
            return kept.kept() ? Mono.just(Served.webp(asset, width, kept)) : copy(asset, width);
        }
        if (refused.getIfPresent(key) != null) {
            return copy(asset, width);
        }
        SiteAsset.Variant jpeg = width == null ? null : kept(asset, String.valueOf(width));
        return once(key, () -> makeWebp(asset, width, key),
                () -> (jpeg == null ? Served.of(asset) : Served.of(asset, width, jpeg)).asProvisional());
    }

    static String webpKey(Integer width) {
        return (width == null ? "full" : String.valueOf(width)) + "-webp";
    }

    private static SiteAsset.Variant kept(SiteAsset asset, String key) {
        SiteAsset.Variant variant = asset.variants() == null ? null : asset.variants().get(key);
        return variant != null && variant.kept() ? variant : null;
    }

    /** Makes a copy once however many ask at the same time; each asker waits at most {@code resize-wait}. */
    private Mono<Served> once(String key, Supplier<Mono<Served>> maker, Supplier<Served> meanwhile) {
        Mono<Served> pending = making.get(key);
        if (pending == null) {
            Mono<Served> fresh = maker.get().doFinally(s -> making.remove(key)).cache();
            pending = making.putIfAbsent(key, fresh);
            if (pending == null) {
                pending = fresh;
                fresh.subscribe(served -> { }, ex -> log.warn("A copy ({}) could not be made: {}", key, ex.toString()));
            }
        }
        return pending.timeout(properties.resizeWait(), Mono.fromSupplier(meanwhile));
    }

    private Mono<byte[]> bytes(SiteAsset asset) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileBytes());
        return DataBufferUtils.join(store.download(asset.fileId()), max).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        });
    }

    private Mono<Served> make(SiteAsset asset, int width, String key) {
        return bytes(asset).publishOn(resizing).map(bytes -> {
            try {
                return Resizer.resize(bytes, width, properties.maxPixels());
            }
            catch (Exception | OutOfMemoryError ex) {
                log.info("/{} is served without resizing: {}", asset.path(), ex.getMessage());
                return Optional.<Resizer.Copy>empty();
            }
        }).flatMap(copy -> {
            if (copy.isEmpty()) {
                refused.put(key, Boolean.TRUE);
                return Mono.just(Served.of(asset));
            }
            return keep(asset, width, copy.get());
        });
    }

    /** Stores a resized copy; the file itself (provisional) when another copy was recorded meanwhile. */
    private Mono<Served> keep(SiteAsset asset, int width, Resizer.Copy c) {
        return store.upload(asset.site(), asset.path() + "@w" + width, c.contentType(), asset.sha256(),
                        Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(c.bytes())))
                .flatMap(id -> {
                    SiteAsset.Variant variant = new SiteAsset.Variant(id, c.contentType(), c.bytes().length);
                    return store.addVariant(asset, String.valueOf(width), variant).flatMap(recorded -> recorded
                            ? Mono.just(Served.of(asset, width, variant))
                            // the file changed meanwhile, or another instance was first: this copy is not kept
                            : store.deleteFile(id).thenReturn(Served.provisional(asset)));
                });
    }

    /** What one decoding made for a WebP request: the WebP (empty: the encoder failed) and the missing JPEG/PNG. */
    private record Made(Optional<byte[]> webp, Resizer.Copy copy) {
    }

    private Mono<Served> makeWebp(SiteAsset asset, Integer width, String key) {
        SiteAsset.Variant jpeg = width == null ? null : kept(asset, String.valueOf(width));
        return bytes(asset).publishOn(resizing).map(bytes -> {
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
                refused.put(key, Boolean.TRUE);
                return made.isPresent() && made.get().copy() != null ? keep(asset, width, made.get().copy())
                        : copy(asset, width);
            }
            Mono<Served> replaced = width == null ? Mono.just(Served.of(asset))
                    : jpeg != null ? Mono.just(Served.of(asset, width, jpeg)) : keep(asset, width, made.get().copy());
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

    static final String WEBP = "image/webp";

    @Override
    public void destroy() {
        resizing.dispose();
    }
}
