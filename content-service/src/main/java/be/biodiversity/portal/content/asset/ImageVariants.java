package be.biodiversity.portal.content.asset;

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
 * Resized copies of a site's JPEG and PNG images ({@code ?w=480}), made on the first request for a width and kept in
 * GridFS with the file (dropped when a re-import changes or removes it); also the machinery {@link WebpCopies} shares.
 * One copy is made at a time, on a thread of its own (decoding is CPU and memory), and requests for the same copy
 * meanwhile wait for that one. An image that cannot be resized (over the pixel limit, unreadable) is answered as it is,
 * and remembered so, so that asking again does not decode it again. A copy is made to the end even when nobody waits
 * for it any more; a request waits for it at most {@code portal.content.assets.resize-wait} and otherwise gets the
 * file itself, marked provisional (not to be kept), so that a busy machine sends a bigger image rather than an error.
 */
@Component
class ImageVariants implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImageVariants.class);

    private final AssetStore store;
    private final AssetProperties properties;
    private final Scheduler resizing = Schedulers.newBoundedElastic(1, 256, "asset-resize");
    private final Map<String, Mono<Served>> making = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> refused = Caffeine.newBuilder().maximumSize(10_000).build();

    ImageVariants(AssetStore store, AssetProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Whether {@code asset} is an image copies are made of (a JPEG or PNG within the pixel limit). */
    boolean copiable(SiteAsset asset) {
        boolean resizable = asset.contentType().startsWith(Resizer.JPEG) || asset.contentType().startsWith(Resizer.PNG);
        boolean withinLimit = asset.width() == null || asset.height() == null
                || (long) asset.width() * asset.height() <= properties.maxPixels();
        return resizable && withinLimit;
    }

    /** The resized copy at {@code width} (null: the file), or the file itself where no copy is made. */
    Mono<Served> variant(SiteAsset asset, Integer width) {
        return copiable(asset) ? copy(asset, target(asset, width)) : Mono.just(Served.of(asset));
    }

    /** {@code width} when the image is (or may be) wider, else null: the image at its own size. */
    static Integer target(SiteAsset asset, Integer width) {
        return width != null && (asset.width() == null || asset.width() > width) ? width : null;
    }

    /** The resized copy at {@code width}, or the file itself when {@code width} is null. */
    Mono<Served> copy(SiteAsset asset, Integer width) {
        if (width == null) {
            return Mono.just(Served.of(asset));
        }
        String key = asset.id() + "@" + asset.sha256() + "@" + width;
        if (refused(key)) {
            return Mono.just(Served.of(asset));
        }
        SiteAsset.Variant kept = kept(asset, String.valueOf(width));
        if (kept != null) {
            return Mono.just(Served.of(asset, width, kept));
        }
        return once(key, () -> make(asset, width, key), () -> Served.provisional(asset));
    }

    static SiteAsset.Variant kept(SiteAsset asset, String key) {
        SiteAsset.Variant variant = asset.variants() == null ? null : asset.variants().get(key);
        return variant != null && variant.kept() ? variant : null;
    }

    /** Makes a copy once however many ask at the same time; each asker waits at most {@code resize-wait}. */
    Mono<Served> once(String key, Supplier<Mono<Served>> maker, Supplier<Served> meanwhile) {
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

    /** The file's bytes, on the resizing thread (decoding is CPU and memory: one at a time). */
    Mono<byte[]> bytes(SiteAsset asset) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileBytes());
        return DataBufferUtils.join(store.download(asset.fileId()), max).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).publishOn(resizing);
    }

    private Mono<Served> make(SiteAsset asset, int width, String key) {
        return bytes(asset).map(bytes -> {
            try {
                return Resizer.resize(bytes, width, properties.maxPixels());
            }
            catch (Exception | OutOfMemoryError ex) {
                log.info("/{} is served without resizing: {}", asset.path(), ex.getMessage());
                return Optional.<Resizer.Copy>empty();
            }
        }).flatMap(copy -> {
            if (copy.isEmpty()) {
                refuse(key);
                return Mono.just(Served.of(asset));
            }
            return keep(asset, width, copy.get());
        });
    }

    /** Stores a resized copy; the file itself (provisional) when another copy was recorded meanwhile. */
    Mono<Served> keep(SiteAsset asset, int width, Resizer.Copy c) {
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

    /** Remembers that a copy cannot be made, so that asking again does not decode the image again. */
    void refuse(String key) {
        refused.put(key, Boolean.TRUE);
    }

    boolean refused(String key) {
        return refused.getIfPresent(key) != null;
    }

    @Override
    public void destroy() {
        resizing.dispose();
    }
}
