package be.biodiversity.portal.content.asset;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Resized copies of a site's JPEG and PNG images, made on the first request for a width and kept in GridFS with the
 * file (dropped when a re-import changes or removes it). One copy is made at a time, on a thread of its own
 * (decoding is CPU and memory), and requests for the same copy meanwhile wait for that one. An image that cannot be
 * resized (over the pixel limit, unreadable) is answered as it is, and remembered so, so that asking again does not
 * decode it again. A copy is made to the end even when nobody waits for it any more; a request waits for it at most
 * {@code portal.content.assets.resize-wait} and otherwise gets the file itself, marked provisional (not to be kept),
 * so that a busy machine sends a bigger image rather than an error.
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

    Mono<Served> variant(SiteAsset asset, int width) {
        boolean resizable = asset.contentType().startsWith(Resizer.JPEG) || asset.contentType().startsWith(Resizer.PNG);
        boolean wider = asset.width() == null || asset.width() > width;
        boolean withinLimit = asset.width() == null || asset.height() == null
                || (long) asset.width() * asset.height() <= properties.maxPixels();
        String key = asset.id() + "@" + asset.sha256() + "@" + width;
        if (!resizable || !wider || !withinLimit || refused.getIfPresent(key) != null) {
            return Mono.just(Served.of(asset));
        }
        SiteAsset.Variant kept = asset.variants() == null ? null : asset.variants().get(String.valueOf(width));
        if (kept != null) {
            return Mono.just(Served.of(asset, width, kept));
        }
        Mono<Served> pending = making.get(key);
        if (pending == null) {
            Mono<Served> fresh = make(asset, width, key).doFinally(s -> making.remove(key)).cache();
            pending = making.putIfAbsent(key, fresh);
            if (pending == null) {
                pending = fresh;
                fresh.subscribe(served -> { }, ex -> log.warn("/{} could not be resized to {}: {}", asset.path(),
                        width, ex.toString()));
            }
        }
        return pending.timeout(properties.resizeWait(), Mono.fromSupplier(() -> Served.provisional(asset)));
    }

    private Mono<Served> make(SiteAsset asset, int width, String key) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileBytes());
        return DataBufferUtils.join(store.download(asset.fileId()), max).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).publishOn(resizing).map(bytes -> {
            try {
                return Resizer.resize(bytes, width, properties.maxPixels());
            }
            catch (Exception | OutOfMemoryError ex) {
                log.info("/{} is served without resizing: {}", asset.path(), ex.getMessage());
                return java.util.Optional.<Resizer.Copy>empty();
            }
        }).flatMap(copy -> {
            if (copy.isEmpty()) {
                refused.put(key, Boolean.TRUE);
                return Mono.just(Served.of(asset));
            }
            Resizer.Copy c = copy.get();
            return store.upload(asset.site(), asset.path() + "@w" + width, c.contentType(), asset.sha256(),
                            Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(c.bytes())))
                    .flatMap(id -> {
                        SiteAsset.Variant variant = new SiteAsset.Variant(id, c.contentType(), c.bytes().length);
                        return store.addVariant(asset, width, variant).flatMap(recorded -> recorded
                                ? Mono.just(Served.of(asset, width, variant))
                                // the file changed meanwhile, or another instance was first: this copy is not kept
                                : store.deleteFile(id).thenReturn(Served.of(asset)));
                    });
        });
    }

    @Override
    public void destroy() {
        resizing.dispose();
    }
}
