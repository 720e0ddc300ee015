package be.biodiversity.portal.content.asset;

import java.nio.ByteBuffer;

import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the bytes of static files live: GridFS (bucket {@value #BUCKET}: {@code siteAssets.files} and
 * {@code siteAssets.chunks}, 255 KB chunks), which both MongoDB and the embedded server hold; and the documents that
 * say which GridFS file is a site's file at a path ({@link SiteAsset}, collection {@code siteAssets}).
 */
@Component
class AssetStore {

    static final String BUCKET = "siteAssets";

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate gridFs;
    private final Mono<GridFSBucket> bucket;
    private final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    AssetStore(ReactiveMongoTemplate mongo, ReactiveMongoDatabaseFactory factory) {
        this.mongo = mongo;
        this.bucket = factory.getMongoDatabase().map(db -> GridFSBuckets.create(db, BUCKET)).cache();
        this.gridFs = new ReactiveGridFsTemplate(mongo.getConverter(), bucket, buffers);
    }

    Mono<SiteAsset> find(String site, String path) {
        return mongo.findById(SiteAsset.id(site, path), SiteAsset.class);
    }

    Flux<SiteAsset> all(String site) {
        return mongo.find(Query.query(Criteria.where("site").is(site)), SiteAsset.class);
    }

    /** Stores bytes as a new GridFS file, named by the site and path, with their hash. */
    Mono<ObjectId> upload(String site, String path, String contentType, String sha256, Flux<DataBuffer> bytes) {
        return gridFs.store(bytes, path, contentType, new Document("site", site).append("sha256", sha256));
    }

    Flux<DataBuffer> download(ObjectId fileId) {
        return bucket.flatMapMany(b -> Flux.from(b.downloadToPublisher(fileId).bufferSizeBytes(64 * 1024)))
                .map((ByteBuffer b) -> buffers.wrap(b));
    }

    Mono<Void> deleteFile(ObjectId fileId) {
        return gridFs.delete(Query.query(Criteria.where("_id").is(fileId)));
    }

    Mono<SiteAsset> save(SiteAsset asset) {
        return mongo.save(asset);
    }

    Mono<Void> remove(SiteAsset asset) {
        return mongo.remove(Query.query(Criteria.where("_id").is(asset.id())), SiteAsset.class).then();
    }

    /**
     * Records a resized copy, unless the file changed meanwhile (its hash differs) or another request recorded one
     * first: false then, and the caller deletes the copy it made.
     */
    Mono<Boolean> addVariant(SiteAsset asset, String key, SiteAsset.Variant variant) {
        Query query = Query.query(Criteria.where("_id").is(asset.id()).and("sha256").is(asset.sha256())
                .and("variants." + key).exists(false));
        return mongo.updateFirst(query, new Update().set("variants." + key, variant), SiteAsset.class)
                .map(r -> r.getModifiedCount() > 0);
    }
}
