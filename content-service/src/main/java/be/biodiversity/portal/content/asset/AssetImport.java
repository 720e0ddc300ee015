package be.biodiversity.portal.content.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.revision.SiteRevision;

/**
 * The importer's side of static files: a reader for one import ({@link #reader()}), the limits on count and total
 * size ({@link #plan}), and the writes ({@link #store}): a file whose hash matches what is stored for its path is
 * left alone, a changed one gets a new GridFS file (its resized copies dropped), a new one is added, and with
 * prune a stored file whose path is gone is deleted, like documents. A file left out for a limit keeps what an
 * earlier import stored. Any change counts as a site-wide change: pages carry the files' sizes and fingerprints.
 */
@Service
public class AssetImport {

    private static final int WRITES_IN_FLIGHT = 2;

    private final AssetProperties properties;
    private final AssetStore store;
    private final SiteRevision revision;

    AssetImport(AssetProperties properties, AssetStore store, SiteRevision revision) {
        this.properties = properties;
        this.store = store;
        this.revision = revision;
    }

    /** What one import reads its static files with (the size limit per file). */
    public AssetReader reader() {
        return new AssetReader(properties.maxFileBytes());
    }

    /**
     * The files within the count and total-size limits, in path order; each one past a limit is in
     * {@link Plan#refused()} with the reason.
     */
    public Plan plan(Map<String, AssetSource> files) {
        SortedMap<String, AssetSource> accepted = new TreeMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, AssetSource> file : new TreeMap<>(files).entrySet()) {
            if (accepted.size() >= properties.maxFiles()) {
                refused.put(file.getKey(), "the site holds more than " + properties.maxFiles()
                        + " static files (portal.content.assets.max-files); not imported");
            }
            else if (total + file.getValue().size() > properties.maxTotalBytes()) {
                refused.put(file.getKey(), "the site's static files hold more than " + properties.maxTotalBytes()
                        + " bytes together (portal.content.assets.max-total-bytes); not imported");
            }
            else {
                accepted.put(file.getKey(), file.getValue());
                total += file.getValue().size();
            }
        }
        return new Plan(accepted, refused);
    }

    /**
     * @param keep paths left out of this import for a problem of their own: never pruned
     */
    public Mono<Counts> store(Plan plan, boolean prune, Set<String> keep) {
        Counts counts = new Counts();
        String site = SiteAsset.DEFAULT_SITE;
        return store.all(site).collectMap(SiteAsset::path, Function.identity()).flatMap(stored -> {
            Flux<Void> writes = Flux.fromIterable(plan.accepted().entrySet()).flatMap(file -> {
                SiteAsset current = stored.get(file.getKey());
                if (current != null && current.sha256().equals(file.getValue().sha256())) {
                    counts.unchanged.incrementAndGet();
                    return Mono.empty();
                }
                return write(site, file.getKey(), file.getValue(), current)
                        .doOnSuccess(v -> (current == null ? counts.created : counts.updated).incrementAndGet());
            }, WRITES_IN_FLIGHT);
            Flux<Void> deletes = Flux.fromIterable(prune ? stored.values() : List.<SiteAsset>of())
                    .filter(a -> !plan.accepted().containsKey(a.path()) && !plan.refused().containsKey(a.path())
                            && !keep.contains(a.path()))
                    .concatMap(a -> delete(a).doOnSuccess(v -> counts.deleted.incrementAndGet()));
            return writes.thenMany(deletes).then(Mono.defer(() -> counts.changed() ? revision.bump().then()
                    : Mono.empty())).thenReturn(counts);
        });
    }

    private Mono<Void> write(String site, String path, AssetSource file, SiteAsset current) {
        String type = ContentTypes.of(path);
        Mono<ImageSize> size = ImageSize.isImage(type)
                ? Mono.fromCallable(() -> ImageSize.read(file.opener())).subscribeOn(Schedulers.boundedElastic())
                : Mono.just(ImageSize.UNKNOWN);
        return size.flatMap(dimensions -> store.upload(site, path, type, file.sha256(),
                        DataBufferUtils.readInputStream(file.opener()::open, DefaultDataBufferFactory.sharedInstance,
                                64 * 1024).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(id -> store.save(new SiteAsset(SiteAsset.id(site, path), site, path, id, file.sha256(),
                        file.size(), type, dimensions.width(), dimensions.height(), Map.of(), Instant.now()))))
                .then(current == null ? Mono.empty() : deleteFiles(current));
    }

    private Mono<Void> delete(SiteAsset asset) {
        return store.remove(asset).then(deleteFiles(asset));
    }

    private Mono<Void> deleteFiles(SiteAsset asset) {
        List<org.bson.types.ObjectId> ids = new ArrayList<>();
        ids.add(asset.fileId());
        if (asset.variants() != null) {
            asset.variants().values().stream().filter(SiteAsset.Variant::kept).forEach(v -> ids.add(v.fileId()));
        }
        return Flux.fromIterable(ids).concatMap(store::deleteFile).then();
    }

    /** @param refused the files past a limit, each with the reason */
    public record Plan(SortedMap<String, AssetSource> accepted, Map<String, String> refused) {
    }

    /** What {@link #store} did, file by file. */
    public static final class Counts {
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicInteger updated = new AtomicInteger();
        private final AtomicInteger unchanged = new AtomicInteger();
        private final AtomicInteger deleted = new AtomicInteger();

        public int created() {
            return created.get();
        }

        public int updated() {
            return updated.get();
        }

        public int unchanged() {
            return unchanged.get();
        }

        public int deleted() {
            return deleted.get();
        }

        boolean changed() {
            return created() + updated() + deleted() > 0;
        }
    }
}
